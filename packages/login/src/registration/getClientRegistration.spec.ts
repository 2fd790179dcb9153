import { readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

import { SSOOIDCClient } from "@aws-sdk/client-sso-oidc";
import { SsoTokenCache } from "@sso-kit/token-provider";

import {
  RecordingHandler,
  startLoginTestEnv,
  type LoginTestEnv,
} from "../../../../test/support/login/loginTestEnv.js";
import { recordingLogger } from "../../../../test/support/recordingLogger.js";
import { getClientRegistration, type GetClientRegistrationOptions } from "./getClientRegistration.js";

interface Vector {
  kind: string;
  inputObject?: { startUrl: string; region: string; scopes: string[] | null; session_name: string | null };
  expectedFileName: string;
}

const vectors = (
  JSON.parse(
    readFileSync(
      path.join(__dirname, "../../../../test/fixtures/conformance/cache_key_vectors.json"),
      "utf8",
    ),
  ) as Vector[]
).filter((v) => v.kind === "oidc-registration");

const EXPIRES_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

describe("getClientRegistration", () => {
  let env: LoginTestEnv;
  let oidc: SSOOIDCClient;
  let handler: RecordingHandler;
  let cache: SsoTokenCache;
  const { logger, warnings, clear } = recordingLogger();

  beforeEach(async () => {
    env = await startLoginTestEnv({ clientRegistrationTtlSeconds: 7_776_000 });
    handler = new RecordingHandler();
    oidc = new SSOOIDCClient({ region: env.emu.region, endpoint: env.emu.url, requestHandler: handler });
    cache = new SsoTokenCache();
    clear();
  });
  afterEach(async () => {
    oidc.destroy();
    await env.close();
  });

  const get = (extra: Partial<GetClientRegistrationOptions> = {}) =>
    getClientRegistration({
      cache,
      oidc,
      startUrl: env.emu.startUrl,
      region: env.emu.region,
      sessionName: "emu",
      flow: "device",
      logger,
      ...extra,
    });

  it.each(vectors.map((v) => [v.expectedFileName, v] as const))(
    "writes the registration where the AWS CLI does: %s",
    async (fileName, vector) => {
      const input = vector.inputObject!;
      await get({
        startUrl: input.startUrl,
        region: input.region,
        sessionName: input.session_name ?? undefined,
        scopes: input.scopes ?? undefined,
      });
      expect(env.cacheFiles()).toEqual([fileName]);
    },
  );

  it("registers a device client like the AWS CLI and caches it (0600)", async () => {
    const registration = await get();
    expect(registration.reused).toBe(false);
    expect(handler.bodies("/client/register")).toEqual([
      { clientName: "sso-kit-client-emu", clientType: "public" },
    ]);
    const [file] = env.cacheFiles();
    const saved = env.readCache(file!);
    expect(saved).toEqual({
      clientId: registration.clientId,
      clientSecret: registration.clientSecret,
      expiresAt: expect.stringMatching(EXPIRES_AT),
    });
    expect(new Date(saved.expiresAt as string).getTime()).toBe(registration.expiresAt.getTime());
    expect(registration.expiresAt.getTime()).toBeGreaterThan(Date.now() + 89 * 86_400_000);
    expect(statSync(path.join(env.cacheDir, file!)).mode & 0o777).toBe(0o600);
  });

  it("sends configured scopes in the device flow", async () => {
    await get({ scopes: ["sso:account:access", "codewhisperer:completions"] });
    expect(handler.bodies("/client/register")[0]).toEqual({
      clientName: "sso-kit-client-emu",
      clientType: "public",
      scopes: ["sso:account:access", "codewhisperer:completions"],
    });
    expect(env.readCache(env.cacheFiles()[0]!).scopes).toEqual([
      "sso:account:access",
      "codewhisperer:completions",
    ]);
  });

  it("names a legacy client after the epoch seconds", async () => {
    const before = Math.floor(Date.now() / 1000);
    await get({ sessionName: undefined });
    const name = handler.bodies("/client/register")[0]!.clientName as string;
    expect(name).toMatch(/^sso-kit-client-\d+$/);
    expect(Number(name.slice("sso-kit-client-".length))).toBeGreaterThanOrEqual(before);
  });

  it("registers a PKCE client with grant types, redirect URI, issuer and the default scope", async () => {
    await get({ flow: "pkce" });
    expect(handler.bodies("/client/register")).toEqual([
      {
        clientName: "sso-kit-client-emu",
        clientType: "public",
        scopes: ["sso:account:access"],
        grantTypes: ["authorization_code", "refresh_token"],
        redirectUris: ["http://127.0.0.1/oauth/callback"],
        issuerUrl: env.emu.startUrl,
      },
    ]);
    expect(env.readCache(env.cacheFiles()[0]!)).toEqual({
      clientId: expect.any(String),
      clientSecret: expect.any(String),
      expiresAt: expect.stringMatching(EXPIRES_AT),
      scopes: ["sso:account:access"],
      grantTypes: ["authorization_code", "refresh_token"],
    });
  });

  it("reuses the cached registration for the same flow", async () => {
    const first = await get({ flow: "pkce" });
    const second = await get({ flow: "pkce" });
    expect(second).toEqual({ ...first, reused: true });
    expect(env.emu.stats().RegisterClient).toBe(1);
  });

  it("registers again, in the same file, when the flow changes", async () => {
    const pkce = await get({ flow: "pkce" });
    const device = await get({ flow: "device" });
    expect(device.reused).toBe(false);
    expect(device.clientId).not.toBe(pkce.clientId);
    const files = env.cacheFiles();
    expect(files).toHaveLength(1);
    expect(env.readCache(files[0]!).grantTypes).toBeUndefined();
    const again = await get({ flow: "pkce" });
    expect(again.reused).toBe(false);
    expect(env.readCache(files[0]!).grantTypes).toEqual(["authorization_code", "refresh_token"]);
    expect(env.emu.stats().RegisterClient).toBe(3);
  });

  it("reuses a registration with 15 minutes or more left, and replaces one with less", async () => {
    const first = await get();
    const file = path.join(env.cacheDir, env.cacheFiles()[0]!);
    const rewrite = (msLeft: number): void => {
      const json = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
      json.expiresAt = new Date(Date.now() + msLeft).toISOString().replace(/\.\d+Z$/, "Z");
      writeFileSync(file, JSON.stringify(json));
    };
    rewrite(16 * 60_000);
    expect(await get()).toMatchObject({ clientId: first.clientId, reused: true });
    rewrite(14 * 60_000);
    const renewed = await get();
    expect(renewed.reused).toBe(false);
    expect(renewed.clientId).not.toBe(first.clientId);
    expect(env.readCache(path.basename(file)).clientId).toBe(renewed.clientId);
  });

  it("replaces an unreadable registration file, with a warning", async () => {
    await get();
    const file = path.join(env.cacheDir, env.cacheFiles()[0]!);
    writeFileSync(file, "{ not json");
    const renewed = await get();
    expect(renewed.reused).toBe(false);
    expect(env.readCache(path.basename(file)).clientId).toBe(renewed.clientId);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^sso-kit login: ignoring the cached client registration \(.+\); registering again$/,
    );
  });

  it("skips the cache when asked to", async () => {
    const first = await get();
    const second = await get({ forceNew: true });
    expect(second.reused).toBe(false);
    expect(second.clientId).not.toBe(first.clientId);
  });

  it("reports a refused registration as a ServiceError", async () => {
    env.emu.faults.add({
      operation: "RegisterClient",
      exception: "InvalidScopeException",
      message: "bad scope",
    });
    await expect(get({ scopes: ["x"] })).rejects.toMatchObject({
      code: "ServiceError",
      message: expect.stringContaining("RegisterClient (HTTP 400: InvalidScopeException: bad scope)"),
    });
    expect(env.cacheFiles()).toEqual([]);
  });

  it("refuses an incomplete RegisterClient reply", async () => {
    env.emu.faults.add({ operation: "RegisterClient", response: { body: { clientId: "c" } } });
    await expect(get()).rejects.toMatchObject({ code: "InvalidResponse" });
  });

  it("still returns the registration when the cache cannot be written", async () => {
    writeFileSync(path.join(env.home, ".aws", "sso"), "a file where the cache directory belongs");
    const registration = await get();
    expect(registration.clientId).toMatch(/^emu-client-/);
    expect(warnings.at(-1)).toMatch(
      /^sso-kit login: could not save the client registration in .+; the next login registers again$/,
    );
    expect(warnings.join(" ")).not.toContain(registration.clientSecret);
  });
});
