/**
 * The `~/.aws/config` the credential-provider tests share, for an emulator advertising `startUrl` in us-east-1:
 * - `dev`: through sso-session `dev`, account 111111111111, role ReadOnly;
 * - `legacy`: start URL and region in the profile itself, account 222222222222, role AdministratorAccess;
 * - `plain`: no SSO settings at all, so `fromSSO` must pass on to the next provider.
 */
export const ssoProfilesConfig = (startUrl: string): string =>
  [
    "[profile dev]",
    "sso_session = dev",
    "sso_account_id = 111111111111",
    "sso_role_name = ReadOnly",
    "[profile legacy]",
    `sso_start_url = ${startUrl}`,
    "sso_region = us-east-1",
    "sso_account_id = 222222222222",
    "sso_role_name = AdministratorAccess",
    "[profile plain]",
    "region = eu-west-1",
    "[sso-session dev]",
    `sso_start_url = ${startUrl}`,
    "sso_region = us-east-1",
  ].join("\n");
