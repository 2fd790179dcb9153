import { GetRoleCredentialsCommand, SSOClient } from "@aws-sdk/client-sso";
import { BoundedHttpHandler } from "@sso-kit/token-provider/internal";
import {
  redirectingHandler,
  sessionTarget,
  useEmulator,
} from "../../../../test/support/credential-provider/testEnvironment.js";
import { useTempHome } from "../../../../test/support/useTempHome.js";
import type { SessionRoleTarget } from "../config/RoleTarget.js";
import { ProviderClients } from "./ProviderClients.js";

useTempHome({ prefix: "sso-kit-credential-provider-", createAwsDirectory: true });
const env = useEmulator();

const target: SessionRoleTarget = { ...sessionTarget, profileName: undefined, fromProfile: false };

/** Sends GetRoleCredentials through `clients`' portal client in `region`; the outcome does not matter here. */
const send = async (clients: ProviderClients, region = "us-east-1") => {
  const client = (await clients.portal(region)) as SSOClient;
  await client
    .send(
      new GetRoleCredentialsCommand({ accountId: "111111111111", roleName: "ReadOnly", accessToken: "t" }),
    )
    .catch(() => undefined);
  return client;
};

test("clients are reused while the caller stays the same, rebuilt when it changes", async () => {
  const clients = new ProviderClients({}, undefined);
  const caller = { logger: undefined };
  clients.useCaller(caller);
  const portal = await clients.portal("us-east-1");
  const token = clients.tokenProvider(target);
  clients.useCaller(caller);
  expect(await clients.portal("us-east-1")).toBe(portal);
  expect(clients.tokenProvider(target)).toBe(token);
  clients.useCaller({ logger: undefined });
  expect(await clients.portal("us-east-1")).not.toBe(portal);
  expect(clients.tokenProvider(target)).not.toBe(token);
  expect(await clients.portal("eu-west-1")).not.toBe(await clients.portal("us-east-1"));
});

test("AWS_ENDPOINT_URL_SSO reaches the SDK client: a real call to the emulator", async () => {
  process.env.AWS_ENDPOINT_URL_SSO = env.emu.url;
  const { accessToken } = env.emu.seedToken();
  const client = (await new ProviderClients({}, undefined).portal("us-east-1")) as SSOClient;
  await expect(
    client.send(
      new GetRoleCredentialsCommand({ accountId: "111111111111", roleName: "ReadOnly", accessToken }),
    ),
  ).resolves.toMatchObject({ roleCredentials: { accessKeyId: expect.any(String) } });
  expect(env.emu.stats().GetRoleCredentials).toBe(1);
});

test("a request handler instance sends the requests, bounded", async () => {
  const redirect = redirectingHandler(env.emu);
  const clients = new ProviderClients({ clientConfig: { requestHandler: redirect.handler } }, undefined);
  const client = await send(clients);
  expect(client.config.requestHandler).toBeInstanceOf(BoundedHttpHandler);
  expect(redirect.seen.at(-1)).toMatchObject({
    url: "https://portal.sso.us-east-1.amazonaws.com/federation/credentials",
    query: { account_id: "111111111111", role_name: "ReadOnly" },
  });
});

test("an ssoClient is used as is: its region, endpoint and handler", async () => {
  const redirect = redirectingHandler(env.emu);
  const ssoClient = new SSOClient({ region: "sa-east-1", requestHandler: redirect.handler });
  const clients = new ProviderClients({ ssoClient }, undefined);
  expect(await clients.portal("us-east-1")).toBe(ssoClient);
  await send(clients);
  expect(redirect.seen.at(-1)?.url).toBe("https://portal.sso.sa-east-1.amazonaws.com/federation/credentials");
});

test("the SDK client is in the region asked for, whatever clientConfig says", async () => {
  const redirect = redirectingHandler(env.emu);
  const clients = new ProviderClients(
    { clientConfig: { region: "eu-west-3", requestHandler: redirect.handler } },
    undefined,
  );
  for (const region of ["ap-northeast-1", "us-west-2"]) {
    await send(clients, region);
    expect(redirect.seen.at(-1)?.url).toBe(
      `https://portal.sso.${region}.amazonaws.com/federation/credentials`,
    );
  }
});

test("one token cache per provider", () => {
  const clients = new ProviderClients({}, undefined);
  expect(clients.cache()).toBe(clients.cache());
  expect(clients.cache().directory).toBe(`${process.env.HOME}/.aws/sso/cache`);
});

test("every client gets the profile fromSSO reads, unless clientConfig names one", async () => {
  const credentials = {
    accessKeyId: "AKID",
    secretAccessKey: "secret",
    sessionToken: "token",
    expiration: Date.now(),
  };
  const named = new ProviderClients({ profile: "work" }, undefined);
  expect(((await named.portal("us-east-1")) as SSOClient).config.profile).toBe("work");
  expect((await named.sts("us-east-1", false, credentials)).config.profile).toBe("work");
  process.env.AWS_PROFILE = "from-env";
  const byEnvironment = new ProviderClients({}, undefined);
  expect(((await byEnvironment.portal("us-east-1")) as SSOClient).config.profile).toBe("from-env");
  const explicit = new ProviderClients({ profile: "work", clientConfig: { profile: "mine" } }, undefined);
  expect(((await explicit.portal("us-east-1")) as SSOClient).config.profile).toBe("mine");
  expect((await explicit.sts("us-east-1", false, credentials)).config.profile).toBe("mine");
});
