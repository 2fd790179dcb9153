/**
 * Drop-in: the same profiles and options through the official `@aws-sdk/credential-provider-sso` and through
 * `@sso-kit/credential-provider`, against the same emulator and token files; the credentials must match.
 * Known, intended differences (README "Differences"): sso-kit also sets `accountId` and, for profiles, the
 * `CREDENTIALS_PROFILE_SSO*` flag.
 */
import { SSOClient } from "@aws-sdk/client-sso";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { fromSSO as officialFromSSO } from "@aws-sdk/credential-provider-sso";
import { writeCachedToken } from "../support/credential-provider/testEnvironment";
import { useCredentialProvider } from "./support/useCredentialProvider";

const env = useCredentialProvider();

beforeEach(async () => {
  await env.signIn("dev");
  await env.signIn(env.emu.startUrl);
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
    const ours = (await env.sdk.fromSSO(init)()) as unknown as Record<string, unknown>;
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
  const ours = (await env.sdk.fromSSO(init)()) as unknown as Record<string, unknown>;
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
    expect(await outcome(env.sdk.fromSSO(init))).toEqual(await outcome(officialFromSSO(init)));
  }
  await writeCachedToken(env.emu.startUrl, {
    accessToken: "expired",
    expiresAt: new Date(Date.now() - 1000).toISOString(),
  });
  expect(await outcome(env.sdk.fromSSO({ profile: "legacy" }))).toEqual(
    await outcome(officialFromSSO({ profile: "legacy" })),
  );
});

test("the official options and provider types fit ours (checked by the compiler)", () => {
  type OfficialInit = NonNullable<Parameters<typeof officialFromSSO>[0]>;
  type OfficialProvider = ReturnType<typeof officialFromSSO>;
  const withOfficialInit = (init: OfficialInit): OfficialProvider => env.sdk.fromSSO(init);
  expect(typeof withOfficialInit({ profile: "dev" })).toBe("function");
  expect(typeof env.sdk.fromSSO({ ssoClient: new SSOClient({ region: "us-east-1" }) })).toBe("function");
});

test("swapping the import in an SDK client changes nothing else", async () => {
  for (const fromSSO of [officialFromSSO, env.sdk.fromSSO]) {
    await expect(
      env.sts(fromSSO({ profile: "dev" })).send(new GetCallerIdentityCommand({})),
    ).resolves.toMatchObject({
      Account: "111111111111",
    });
  }
});
