import { SSOClient } from "@aws-sdk/client-sso";
import {
  redirectingHandler,
  sessionTarget,
  useEmulator,
  writeConfig,
} from "../__fixtures__/testEnvironment.js";
import { recordingLogger } from "../../../../test/support/recordingLogger.js";
import { useTempHome } from "../../../../test/support/useTempHome.js";
import type { SessionRoleTarget } from "../config/RoleTarget.js";
import { ProviderClients } from "./ProviderClients.js";

useTempHome({ prefix: "sso-kit-credential-provider-", createAwsDirectory: true });
const env = useEmulator();

const target: SessionRoleTarget = { ...sessionTarget, profileName: undefined, fromProfile: false };

/** Which transport a provider's clients chose, from their debug line. */
const chosen = async (clients: ProviderClients, lines: string[], region = "us-east-1") => {
  await clients.portal(region);
  const line = lines.filter((l) => l.includes("GetRoleCredentials through")).at(-1) ?? "";
  return line.includes("@aws-sdk/client-sso") ? "sdk" : line.includes("node:") ? "http" : "none";
};

test("transports are reused while the caller stays the same, rebuilt when it changes", async () => {
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

test("by default GetRoleCredentials goes through node:https to the region's portal", async () => {
  const { lines, logger } = recordingLogger();
  const clients = new ProviderClients({ clientConfig: { region: "eu-west-3" } }, logger);
  expect(await chosen(clients, lines, "ap-northeast-1")).toBe("http");
  expect(lines.at(-1)).toContain("node:https to portal.sso.ap-northeast-1.amazonaws.com");
});

test("AWS_ENDPOINT_URL_SSO reaches the lean transport: a real call to the emulator", async () => {
  process.env.AWS_ENDPOINT_URL_SSO = env.emu.url;
  const { lines, logger } = recordingLogger();
  const clients = new ProviderClients({}, logger);
  expect(await chosen(clients, lines)).toBe("http");
  const { accessToken } = env.emu.seedToken();
  const transport = await clients.portal("us-east-1");
  await expect(transport("111111111111", "ReadOnly", accessToken)).resolves.toMatchObject({
    roleCredentials: { accessKeyId: expect.any(String) },
  });
  expect(env.emu.stats().GetRoleCredentials).toBe(1);
});

test("a request handler instance is sent through by the lean transport", async () => {
  const { lines, logger } = recordingLogger();
  const redirect = redirectingHandler(env.emu);
  const clients = new ProviderClients({ clientConfig: { requestHandler: redirect.handler } }, logger);
  expect(await chosen(clients, lines)).toBe("http");
  await (await clients.portal("us-east-1"))("111111111111", "ReadOnly", "token").catch(() => undefined);
  expect(redirect.seen.at(-1)).toMatchObject({
    url: "https://portal.sso.us-east-1.amazonaws.com/federation/credentials",
    query: { account_id: "111111111111", role_name: "ReadOnly" },
  });
});

test("an ssoClient keeps the SDK client: the given one, as is", async () => {
  const { lines, logger } = recordingLogger();
  const redirect = redirectingHandler(env.emu);
  const ssoClient = new SSOClient({ region: "sa-east-1", requestHandler: redirect.handler });
  const withClient = new ProviderClients({ ssoClient }, logger);
  expect(await chosen(withClient, lines)).toBe("sdk");
  // The given client is used as is: its region, endpoint and handler.
  await (await withClient.portal("us-east-1"))("111111111111", "ReadOnly", "token").catch(() => undefined);
  expect(redirect.seen.at(-1)?.url).toBe("https://portal.sso.sa-east-1.amazonaws.com/federation/credentials");
});

test("a setting of the profile the SDK client reads keeps the SDK client", async () => {
  const { lines, logger } = recordingLogger();
  writeConfig("[profile other]\nregion = eu-west-1\n[default]\nuse_fips_endpoint = true\n");
  expect(await chosen(new ProviderClients({}, logger), lines)).toBe("sdk");
  expect(lines.at(-1)).toContain("profile 'default' sets use_fips_endpoint");
});

test("a setting of a profile the SDK client does not read (not AWS_PROFILE, not default) keeps the lean one", async () => {
  const { lines, logger } = recordingLogger();
  writeConfig("[profile other]\nregion = eu-west-1\n[profile fips]\nuse_fips_endpoint = true\n");
  expect(await chosen(new ProviderClients({}, logger), lines)).toBe("http");
});

test("the SDK client, when chosen, is in the region asked for, whatever clientConfig says", async () => {
  const redirect = redirectingHandler(env.emu);
  const clients = new ProviderClients(
    { clientConfig: { region: "eu-west-3", requestHandler: redirect.handler } },
    undefined,
  );
  for (const region of ["ap-northeast-1", "us-west-2"]) {
    await (await clients.portal(region))("111111111111", "ReadOnly", "token").catch(() => undefined);
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
