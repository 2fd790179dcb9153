/**
 * 50 SDK clients, each with its own fromSSO provider, each sending 20 requests at once: one GetRoleCredentials for
 * the whole process, and at most one CreateToken when the token needs a refresh. Counted by the emulator.
 */
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import {
  pointSdkAt,
  useEmulator,
  useTempHome,
  writeCachedToken,
  writeConfig,
} from "../../packages/credential-provider/src/__fixtures__/testEnvironment";
import type * as CredentialProvider from "@sso-kit/credential-provider";

const CLIENTS = 50;
const CONCURRENT_CALLS = 20;

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
      "[sso-session dev]",
      `sso_start_url = ${env.emu.startUrl}`,
      "sso_region = us-east-1",
    ].join("\n"),
  );
});

const fanOut = async () => {
  const clients = Array.from(
    { length: CLIENTS },
    () =>
      new STSClient({
        region: "us-east-1",
        endpoint: env.emu.url,
        credentials: sdk.fromSSO({ profile: "dev" }),
      }),
  );
  const replies = await Promise.all(
    clients.flatMap((client) =>
      Array.from({ length: CONCURRENT_CALLS }, () => client.send(new GetCallerIdentityCommand({}))),
    ),
  );
  expect(replies).toHaveLength(CLIENTS * CONCURRENT_CALLS);
  expect(new Set(replies.map((reply) => reply.Account))).toEqual(new Set(["111111111111"]));
};

test(`${CLIENTS} clients x ${CONCURRENT_CALLS} concurrent calls make 1 GetRoleCredentials`, async () => {
  const seeded = env.emu.seedToken();
  await writeCachedToken("dev", env.emu.cachedToken(seeded));
  await fanOut();
  expect(env.emu.stats()).toMatchObject({
    GetCallerIdentity: CLIENTS * CONCURRENT_CALLS,
    GetRoleCredentials: 1,
    CreateToken: 0,
  });
});

test("the same with a token that needs a refresh: 1 CreateToken, 1 GetRoleCredentials", async () => {
  const seeded = env.emu.seedToken({ expiresAt: new Date(Date.now() + 60_000) });
  await writeCachedToken("dev", env.emu.cachedToken(seeded));
  await fanOut();
  expect(env.emu.stats()).toMatchObject({
    GetCallerIdentity: CLIENTS * CONCURRENT_CALLS,
    GetRoleCredentials: 1,
    CreateToken: 1,
  });
});
