/**
 * Drop-in: the same profiles and options through the official `@aws-sdk/credential-provider-sso` and through
 * `@sso-kit/credential-provider`, against the same emulator and token files; the credentials must match.
 * Known, intended differences (README "Differences"): sso-kit also sets `accountId` and, for profiles, the
 * `CREDENTIALS_PROFILE_SSO*` flag.
 */
import { SSOClient } from "@aws-sdk/client-sso";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { fromSSO as officialFromSSO } from "@aws-sdk/credential-provider-sso";
import {
  pointSdkAt,
  useEmulator,
  useTempHome,
  writeCachedToken,
  writeConfig,
} from "../../packages/credential-provider/src/__fixtures__/testEnvironment";
import type * as CredentialProvider from "@sso-kit/credential-provider";

useTempHome();
const env = useEmulator();
let sdk: typeof CredentialProvider;

beforeEach(async () => {
  jest.resetModules();
  sdk = await import("@sso-kit/credential-provider");
  pointSdkAt(env.emu);
  writeConfig(
    [
      "[profile dev]",
      "sso_session = dev",
      "sso_account_id = 111111111111",
      "sso_role_name = ReadOnly",
      "[profile legacy]",
      `sso_start_url = ${env.emu.startUrl}`,
      "sso_region = us-east-1",
      "sso_account_id = 222222222222",
      "sso_role_name = AdministratorAccess",
      "[profile plain]",
      "region = eu-west-1",
      "[sso-session dev]",
      `sso_start_url = ${env.emu.startUrl}`,
      "sso_region = us-east-1",
    ].join("\n"),
  );
  await writeCachedToken("dev", env.emu.cachedToken(env.emu.seedToken()));
  await writeCachedToken(env.emu.startUrl, env.emu.cachedToken(env.emu.seedToken()));
});

/** Both providers get the same GetRoleCredentials reply. */
const sameReply = () =>
  env.emu.faults.add({
    operation: "GetRoleCredentials",
    response: {
      body: {
        roleCredentials: {
          accessKeyId: "ASIADROPIN",
          secretAccessKey: "drop-in-secret",
          sessionToken: "drop-in-session-token",
          expiration: Date.now() + 3_600_000,
        },
      },
    },
  });

const comparable = (credentials: Record<string, unknown>) => ({
  accessKeyId: credentials.accessKeyId,
  secretAccessKey: credentials.secretAccessKey,
  sessionToken: credentials.sessionToken,
  expiration: credentials.expiration,
});

const cases: Array<[string, Record<string, string>, Record<string, string>, string]> = [
  ["sso-session profile", { profile: "dev" }, { CREDENTIALS_SSO: "s" }, "111111111111"],
  ["legacy profile", { profile: "legacy" }, { CREDENTIALS_SSO_LEGACY: "u" }, "222222222222"],
];

test.each(cases)(
  "%s: same credentials and feature flags as the official provider",
  async (_, init, flags, account) => {
    sameReply();
    const official = (await officialFromSSO(init)()) as unknown as Record<string, unknown>;
    const ours = (await sdk.fromSSO(init)()) as unknown as Record<string, unknown>;
    expect(comparable(ours)).toEqual(comparable(official));
    expect(official.$source).toEqual(flags);
    expect(ours.$source).toEqual(expect.objectContaining(flags));
    expect(official.accountId).toBeUndefined();
    expect(ours.accountId).toBe(account);
    expect(env.emu.stats().GetRoleCredentials).toBe(2);
  },
);

test("explicit legacy options: same credentials", async () => {
  sameReply();
  const init = {
    ssoStartUrl: env.emu.startUrl,
    ssoRegion: "us-east-1",
    ssoAccountId: "111111111111",
    ssoRoleName: "ReadOnly",
  };
  const official = (await officialFromSSO(init)()) as unknown as Record<string, unknown>;
  const ours = (await sdk.fromSSO(init)()) as unknown as Record<string, unknown>;
  expect(comparable(ours)).toEqual(comparable(official));
  expect(ours.$source).toEqual(official.$source);
});

test("errors keep the official tryNextLink semantics", async () => {
  const outcome = async (provider: () => Promise<unknown>) =>
    provider().then(
      () => "resolved",
      (error: { name: string; tryNextLink: boolean }) => ({
        name: error.name,
        tryNextLink: error.tryNextLink,
      }),
    );
  for (const init of [{ profile: "plain" }, { ssoStartUrl: env.emu.startUrl, ssoRegion: "us-east-1" }]) {
    expect(await outcome(sdk.fromSSO(init))).toEqual(await outcome(officialFromSSO(init)));
  }
  await writeCachedToken(env.emu.startUrl, {
    accessToken: "expired",
    expiresAt: new Date(Date.now() - 1000).toISOString(),
  });
  expect(await outcome(sdk.fromSSO({ profile: "legacy" }))).toEqual(
    await outcome(officialFromSSO({ profile: "legacy" })),
  );
});

test("the official options and provider types fit ours (checked by the compiler)", () => {
  type OfficialInit = NonNullable<Parameters<typeof officialFromSSO>[0]>;
  type OfficialProvider = ReturnType<typeof officialFromSSO>;
  const withOfficialInit = (init: OfficialInit): OfficialProvider => sdk.fromSSO(init);
  expect(typeof withOfficialInit({ profile: "dev" })).toBe("function");
  expect(typeof sdk.fromSSO({ ssoClient: new SSOClient({ region: "us-east-1" }) })).toBe("function");
});

test("swapping the import in an SDK client changes nothing else", async () => {
  for (const fromSSO of [officialFromSSO, sdk.fromSSO]) {
    const client = new STSClient({
      region: "us-east-1",
      endpoint: env.emu.url,
      credentials: fromSSO({ profile: "dev" }),
    });
    await expect(client.send(new GetCallerIdentityCommand({}))).resolves.toMatchObject({
      Account: "111111111111",
    });
  }
});
