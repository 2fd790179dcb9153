/**
 * The lean path never loads `@aws-sdk/client-sso` (nor, through it, any SDK runtime package): every load of it is
 * counted, and a whole `fromSSO` call through the emulator must count none. The SDK path counts one, which shows
 * the count is live.
 */
import { redirectingHandler } from "../../__fixtures__/testEnvironment.js";
import { useSsoProfiles } from "../../__fixtures__/useSsoProfiles.js";
import type * as CredentialProvider from "../../index.js";

/** Loads of the module in this file's registry (kept on the global: the mock factory is hoisted above any const). */
const loads = globalThis as { ssoClientLoads?: number };
jest.mock("@aws-sdk/client-sso", () => {
  const counter = globalThis as { ssoClientLoads?: number };
  counter.ssoClientLoads = (counter.ssoClientLoads ?? 0) + 1;
  return jest.requireActual("@aws-sdk/client-sso");
});

/** Profile `dev` (account 111111111111), signed in. */
const env = useSsoProfiles();
beforeEach(async () => {
  await env.signIn("dev");
});

/** The package as a program first loads it: a fresh module registry, nothing of the SDK loaded yet. */
const freshPackage = async (): Promise<typeof CredentialProvider> => {
  jest.resetModules();
  loads.ssoClientLoads = 0;
  return import("../../index.js");
};

test("fromSSO on the lean path gets credentials without loading @aws-sdk/client-sso", async () => {
  const { fromSSO } = await freshPackage();
  await expect(fromSSO({ profile: "dev" })()).resolves.toMatchObject({ accountId: "111111111111" });
  expect(env.emu.stats().GetRoleCredentials).toBe(1);
  expect(loads.ssoClientLoads).toBe(0);
});

test("with a request handler instance, the call goes through it, still without the SDK client", async () => {
  const redirect = redirectingHandler(env.emu);
  const { fromSSO } = await freshPackage();
  await expect(
    fromSSO({ profile: "dev", clientConfig: { requestHandler: redirect.handler } })(),
  ).resolves.toMatchObject({ accountId: "111111111111" });
  expect(redirect.seen).toHaveLength(1);
  expect(loads.ssoClientLoads).toBe(0);
});

test("with a setting only the SDK client honours, the SDK client is loaded and used", async () => {
  const { fromSSO } = await freshPackage();
  await expect(fromSSO({ profile: "dev", clientConfig: { maxAttempts: 2 } })()).resolves.toMatchObject({
    accountId: "111111111111",
  });
  expect(loads.ssoClientLoads).toBe(1);
});
