/**
 * 50 SDK clients, each with its own fromSSO provider, each sending 20 requests at once: one GetRoleCredentials for
 * the whole process, and at most one CreateToken when the token needs a refresh. Counted by the emulator.
 */
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { useCredentialProvider } from "./support/useCredentialProvider";

const CLIENTS = 50;
const CONCURRENT_CALLS = 20;

const env = useCredentialProvider();

// 1,000 signed STS calls, each verified by the in-process emulator: seconds of CPU, more on a shared machine.
jest.setTimeout(120_000);

const fanOut = async () => {
  const clients = Array.from({ length: CLIENTS }, () => env.sts(env.sdk.fromSSO({ profile: "dev" })));
  const replies = await Promise.all(
    clients.flatMap((client) =>
      Array.from({ length: CONCURRENT_CALLS }, () => client.send(new GetCallerIdentityCommand({}))),
    ),
  );
  expect(replies).toHaveLength(CLIENTS * CONCURRENT_CALLS);
  expect(new Set(replies.map((reply) => reply.Account))).toEqual(new Set(["111111111111"]));
};

test(`${CLIENTS} clients x ${CONCURRENT_CALLS} concurrent calls make 1 GetRoleCredentials`, async () => {
  await env.signIn("dev");
  await fanOut();
  expect(env.emu.stats()).toMatchObject({
    GetCallerIdentity: CLIENTS * CONCURRENT_CALLS,
    GetRoleCredentials: 1,
    CreateToken: 0,
  });
});

test("the same with a token that needs a refresh: 1 CreateToken, 1 GetRoleCredentials", async () => {
  await env.signIn("dev", { expiresAt: new Date(Date.now() + 60_000) });
  await fanOut();
  expect(env.emu.stats()).toMatchObject({
    GetCallerIdentity: CLIENTS * CONCURRENT_CALLS,
    GetRoleCredentials: 1,
    CreateToken: 1,
  });
});
