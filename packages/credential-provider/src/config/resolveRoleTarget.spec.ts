import { writeConfig } from "../../../../test/support/credential-provider/testEnvironment.js";
import { useTempHome } from "../../../../test/support/useTempHome.js";
import { resolveRoleTarget } from "./resolveRoleTarget.js";

useTempHome({ prefix: "sso-kit-credential-provider-", createAwsDirectory: true });

const CONFIG = [
  "[default]",
  "sso_session = corp",
  "sso_account_id = 111111111111",
  "sso_role_name = ReadOnly",
  "[profile legacy]",
  "sso_start_url = https://legacy.awsapps.com/start",
  "sso_region = eu-west-1",
  "sso_account_id = 222222222222",
  "sso_role_name = Admin",
  "[profile caller]",
  "sso_session = corp",
  "sso_account_id = 333333333333",
  "sso_role_name = Caller",
  "[sso-session corp]",
  "sso_start_url = https://corp.awsapps.com/start",
  "sso_region = us-east-2",
].join("\n");

const corp = { name: "corp", startUrl: "https://corp.awsapps.com/start", region: "us-east-2" };

test("profiles: sso-session and legacy targets, flagged as read from a profile", async () => {
  writeConfig(CONFIG);
  await expect(resolveRoleTarget({}, undefined)).resolves.toEqual({
    kind: "sso-session",
    session: corp,
    accountId: "111111111111",
    roleName: "ReadOnly",
    profileName: "default",
    fromProfile: true,
  });
  await expect(resolveRoleTarget({ profile: "legacy" }, undefined)).resolves.toEqual({
    kind: "legacy",
    startUrl: "https://legacy.awsapps.com/start",
    region: "eu-west-1",
    accountId: "222222222222",
    roleName: "Admin",
    profileName: "legacy",
    fromProfile: true,
  });
});

test("profile precedence: option, then parentClientConfig, then the caller, then AWS_PROFILE", async () => {
  writeConfig(CONFIG);
  const roleOf = async (...args: Parameters<typeof resolveRoleTarget>) =>
    (await resolveRoleTarget(...args)).roleName;
  process.env.AWS_PROFILE = "legacy";
  expect(await roleOf({}, undefined)).toBe("Admin");
  expect(await roleOf({}, { profile: "caller" })).toBe("Caller");
  expect(await roleOf({ parentClientConfig: { profile: "default" } }, { profile: "caller" })).toBe(
    "ReadOnly",
  );
  expect(await roleOf({ profile: "caller", parentClientConfig: { profile: "default" } }, undefined)).toBe(
    "Caller",
  );
});

test("explicit options need no config file", async () => {
  await expect(
    resolveRoleTarget(
      {
        ssoStartUrl: "https://x.awsapps.com/start",
        ssoRegion: "us-west-2",
        ssoAccountId: "1",
        ssoRoleName: "R",
      },
      undefined,
    ),
  ).resolves.toEqual({
    kind: "legacy",
    startUrl: "https://x.awsapps.com/start",
    region: "us-west-2",
    accountId: "1",
    roleName: "R",
    profileName: undefined,
    fromProfile: false,
  });
  await expect(
    resolveRoleTarget(
      {
        ssoSession: "s",
        ssoStartUrl: "https://x.awsapps.com/start",
        ssoRegion: "us-west-2",
        ssoAccountId: "1",
        ssoRoleName: "R",
        profile: "p",
      },
      undefined,
    ),
  ).resolves.toMatchObject({
    kind: "sso-session",
    session: { name: "s", startUrl: "https://x.awsapps.com/start", region: "us-west-2" },
    profileName: "p",
  });
});

test("an explicit ssoSession is read from the config and checked against the options", async () => {
  writeConfig(CONFIG);
  await expect(
    resolveRoleTarget({ ssoSession: "corp", ssoAccountId: "1", ssoRoleName: "R" }, undefined),
  ).resolves.toMatchObject({
    kind: "sso-session",
    session: corp,
    fromProfile: false,
  });
  await expect(
    resolveRoleTarget(
      { ssoSession: "corp", ssoRegion: "eu-central-1", ssoAccountId: "1", ssoRoleName: "R" },
      undefined,
    ),
  ).rejects.toMatchObject({
    reason: "InvalidConfig",
    message: expect.stringContaining("sso_region = us-east-2"),
  });
});

test.each([
  [{ ssoStartUrl: "u", ssoRegion: "r", ssoAccountId: "1" }, '"ssoRoleName"'],
  [{ ssoAccountId: "1", ssoRoleName: "R" }, '"ssoStartUrl", "ssoRegion"'],
  [{ ssoSession: "s", ssoRoleName: "R" }, '"ssoAccountId"'],
  [{ ssoStartUrl: "", ssoRegion: "r", ssoAccountId: "1", ssoRoleName: "R" }, '"ssoStartUrl"'],
])("incomplete options %j name what is missing", async (init, missing) => {
  await expect(resolveRoleTarget(init, undefined)).rejects.toMatchObject({
    reason: "InvalidConfig",
    tryNextLink: false,
    message: expect.stringContaining(`missing: ${missing}`),
  });
});

test("token-only and half-configured profiles", async () => {
  writeConfig(
    `${CONFIG}\n[profile token]\nsso_session = corp\n[profile half]\nsso_session = corp\nsso_role_name = R\n`,
  );
  await expect(resolveRoleTarget({ profile: "token" }, undefined)).rejects.toMatchObject({
    reason: "InvalidConfig",
    tryNextLink: false,
    message: expect.stringContaining("will resolve an access token instead of credentials"),
  });
  await expect(resolveRoleTarget({ profile: "half" }, undefined)).rejects.toMatchObject({
    reason: "InvalidConfig",
    tryNextLink: false,
    message: expect.stringContaining("sets sso_role_name but not sso_account_id"),
  });
});
