import { SSOClient } from "@aws-sdk/client-sso";
import { useTempHome } from "../__fixtures__/testEnvironment.js";
import type { SessionRoleTarget } from "../config/RoleTarget.js";
import { ProviderClients } from "./ProviderClients.js";

useTempHome();

const target: SessionRoleTarget = {
  kind: "sso-session",
  session: { name: "corp", startUrl: "https://d-1.awsapps.com/start", region: "us-east-1" },
  accountId: "1",
  roleName: "R",
  profileName: undefined,
  fromProfile: false,
};

test("clients are reused while the caller stays the same, rebuilt when it changes", async () => {
  const clients = new ProviderClients({}, undefined);
  const caller = { logger: undefined };
  clients.useCaller(caller);
  const sso = await clients.ssoClient("us-east-1");
  const token = clients.tokenProvider(target);
  clients.useCaller(caller);
  expect(await clients.ssoClient("us-east-1")).toBe(sso);
  expect(clients.tokenProvider(target)).toBe(token);
  clients.useCaller({ logger: undefined });
  expect(await clients.ssoClient("us-east-1")).not.toBe(sso);
  expect(clients.tokenProvider(target)).not.toBe(token);
});

test("the SSO client is in the region asked for, whatever clientConfig says", async () => {
  const clients = new ProviderClients({ clientConfig: { region: "eu-west-3" } }, undefined);
  for (const region of ["ap-northeast-1", "us-west-2"]) {
    const client = await clients.ssoClient(region);
    expect(client).toBeInstanceOf(SSOClient);
    expect(await (client as SSOClient).config.region()).toBe(region);
  }
});

test("a given ssoClient is returned as is", async () => {
  const ssoClient = new SSOClient({ region: "sa-east-1" });
  const clients = new ProviderClients({ ssoClient }, undefined);
  expect(await clients.ssoClient("us-east-1")).toBe(ssoClient);
});

test("one token cache per provider", () => {
  const clients = new ProviderClients({}, undefined);
  expect(clients.cache()).toBe(clients.cache());
  expect(clients.cache().directory).toBe(`${process.env.HOME}/.aws/sso/cache`);
});
