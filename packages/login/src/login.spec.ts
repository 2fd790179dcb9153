import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";

import { fromSso, SsoTokenCache } from "@sso-kit/token-provider";

import { answerAuthorizeUrl, type ConsentPage } from "../../../test/support/login/approveInEmulator.js";
import {
  EchoingHandler,
  startLoginTestEnv,
  type LoginTestEnv,
} from "../../../test/support/login/loginTestEnv.js";
import { recordingLogger } from "../../../test/support/recordingLogger.js";
import { login } from "./login.js";
import { LoginError } from "./LoginError.js";
import type { LoginOptions, LoginWait } from "./LoginOptions.js";

interface Vector {
  kind: string;
  input: string;
  inputObject?: { startUrl: string; region: string; scopes: string[] | null; session_name: string | null };
  expectedFileName: string;
}
const vectors = JSON.parse(
  readFileSync(path.join(__dirname, "../../../test/fixtures/conformance/cache_key_vectors.json"), "utf8"),
) as Vector[];
const tokenFileName = (kind: "sso-session-name" | "start-url", input: string): string => {
  const vector = vectors.find((v) => v.kind === kind && v.input === input);
  if (!vector) throw new Error(`no ${kind} vector for ${input}`);
  return vector.expectedFileName;
};

const EXPIRES_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
/** A browser without a person: follows the emulator's (auto-approved) redirect to the loopback server. */
const headlessBrowser = async (url: string): Promise<void> => void (await fetch(url));

describe("login", () => {
  let env: LoginTestEnv;
  const { logger, messages: logged, clear } = recordingLogger();

  beforeEach(async () => {
    env = await startLoginTestEnv({ autoApprove: true });
    clear();
  });
  afterEach(async () => {
    await env.close();
  });

  const run = (options: LoginOptions = {}) =>
    login({ prompt: env.prompt, openBrowser: headlessBrowser, logger, ...options });

  describe("writes the AWS CLI's cache files", () => {
    const cases = vectors
      .filter((v) => v.kind === "oidc-registration")
      .map((v) => {
        const input = v.inputObject!;
        const session = input.session_name;
        const config = session
          ? [
              "[profile p]",
              `sso_session = ${session}`,
              `[sso-session ${session}]`,
              `sso_start_url = ${input.startUrl}`,
              `sso_region = ${input.region}`,
              ...(input.scopes ? [`sso_registration_scopes = ${input.scopes.join(", ")}`] : []),
            ]
          : ["[profile p]", `sso_start_url = ${input.startUrl}`, `sso_region = ${input.region}`];
        const token = session
          ? tokenFileName("sso-session-name", session)
          : tokenFileName("start-url", input.startUrl);
        return [
          session ? `session ${session}` : `legacy ${input.startUrl}`,
          config.join("\n"),
          v,
          token,
        ] as const;
      });

    it.each(cases)("%s", async (_name, config, registrationVector, tokenFile) => {
      env.writeConfig(config);
      const input = registrationVector.inputObject!;
      const result = await run({ profile: "p" });
      expect(result.flow).toBe(input.session_name ? "pkce" : "device");
      expect(env.cacheFiles()).toEqual([registrationVector.expectedFileName, tokenFile].sort());
      expect(result.tokenFile).toBe(path.join(env.cacheDir, tokenFile));

      const registration = env.readCache(registrationVector.expectedFileName);
      const token = env.readCache(tokenFile);
      expect(Object.keys(token)).toEqual([
        "startUrl",
        "region",
        "accessToken",
        "expiresAt",
        "clientId",
        "clientSecret",
        "registrationExpiresAt",
        "refreshToken",
      ]);
      expect(token).toMatchObject({
        startUrl: input.startUrl,
        region: input.region,
        accessToken: expect.stringMatching(/^emu-at-/),
        expiresAt: expect.stringMatching(EXPIRES_AT),
        clientId: registration.clientId,
        clientSecret: registration.clientSecret,
        registrationExpiresAt: registration.expiresAt,
        refreshToken: expect.stringMatching(/^emu-rt-/),
      });
      expect(registration.expiresAt).toMatch(EXPIRES_AT);
      const expiresAt = new Date(token.expiresAt as string).getTime();
      expect(expiresAt).toBe(result.expiresAt.getTime());
      expect(Math.abs(expiresAt - (Date.now() + 3_600_000))).toBeLessThan(60_000);
      expect(statSync(path.join(env.cacheDir, tokenFile)).mode & 0o777).toBe(0o600);
      expect(statSync(env.cacheDir).mode & 0o777).toBe(0o700);
    });
  });

  it("signs an sso-session profile in with PKCE, and fromSso then returns the new token", async () => {
    const result = await run({ profile: "dev" });
    const tokenFile = new SsoTokenCache().tokenPath("emu");
    expect(result).toEqual({
      flow: "pkce",
      profileName: "dev",
      sessionName: "emu",
      startUrl: env.emu.startUrl,
      region: env.emu.region,
      expiresAt: expect.any(Date),
      alreadySignedIn: false,
      registrationReused: false,
      tokenFile,
    });
    expect(env.prompts).toHaveLength(1);
    expect(env.prompts[0]!.url.startsWith(`${env.emu.url}/authorize?`)).toBe(true);
    const written = JSON.parse(readFileSync(tokenFile, "utf8")) as { accessToken: string; expiresAt: string };
    const identity = await fromSso({ profile: "dev" })();
    expect(identity.token).toBe(written.accessToken);
    expect(identity.expiration?.getTime()).toBe(new Date(written.expiresAt).getTime());
    expect(JSON.stringify(result)).not.toContain(written.accessToken);
  });

  it("resolves AWS_PROFILE when no profile is given", async () => {
    process.env.AWS_PROFILE = "dev";
    await expect(run()).resolves.toMatchObject({ profileName: "dev", sessionName: "emu" });
  });

  it("signs an sso-session in directly", async () => {
    const result = await run({ ssoSession: "emu" });
    expect(result).toMatchObject({ flow: "pkce", sessionName: "emu" });
    expect(result.profileName).toBeUndefined();
  });

  it("uses the device flow for a legacy profile, and for a session on request", async () => {
    await expect(run({ profile: "legacy" })).resolves.toMatchObject({
      flow: "device",
      startUrl: env.emu.startUrl,
    });
    expect(env.emu.stats().StartDeviceAuthorization).toBe(1);
    await expect(run({ profile: "dev", flow: "device" })).resolves.toMatchObject({ flow: "device" });
    expect(env.emu.stats().StartDeviceAuthorization).toBe(2);
    expect(env.emu.stats().Authorize).toBe(0);
  });

  it("refuses the PKCE flow for a legacy profile", async () => {
    const error = (await run({ profile: "legacy", flow: "pkce" }).catch((e: unknown) => e)) as LoginError;
    expect(error).toBeInstanceOf(LoginError);
    expect(error.code).toBe("InvalidConfig");
    expect(error.message).toContain("use the device flow");
    expect(env.emu.stats().RegisterClient).toBe(0);
  });

  it("reuses the registration on the next login, and registers again when the flow changes", async () => {
    const first = await run({ profile: "dev" });
    const firstToken = env.readCache(path.basename(first.tokenFile)).accessToken;
    const second = await run({ profile: "dev" });
    expect(second.registrationReused).toBe(true);
    expect(env.readCache(path.basename(second.tokenFile)).accessToken).not.toBe(firstToken);
    expect(env.emu.stats().RegisterClient).toBe(1);
    const device = await run({ profile: "dev", flow: "device" });
    expect(device.registrationReused).toBe(false);
    expect(env.emu.stats().RegisterClient).toBe(2);
    expect(env.cacheFiles()).toHaveLength(2);
  });

  it("the scopes option replaces the configured scopes, in the request and in the registration key", async () => {
    env.writeConfig(
      ["[sso-session test-session]", "sso_start_url = https://mysigin.com", "sso_region = us-west-2"].join(
        "\n",
      ),
    );
    await run({ ssoSession: "test-session", scopes: ["sso:foo", "sso:bar"] });
    const key = vectors.find((v) => v.kind === "oidc-registration" && v.inputObject?.scopes?.length === 2)!;
    expect(env.cacheFiles()).toContain(key.expectedFileName);
    expect(new URL(env.prompts[0]!.url).searchParams.get("scopes")).toBe("sso:foo sso:bar");
  });

  it("registers again once when the cached client is unknown to the service, before prompting", async () => {
    await run({ profile: "legacy" });
    env.emu.reset();
    env.emu.faults.add({
      operation: "StartDeviceAuthorization",
      times: 1,
      exception: "InvalidClientException",
    });
    const result = await run({ profile: "legacy" });
    expect(result.registrationReused).toBe(false);
    expect(env.emu.stats()).toMatchObject({ RegisterClient: 1, StartDeviceAuthorization: 2 });
    expect(logged).toContain("sso-kit login: the cached client registration was rejected; registering again");
  });

  it("does not register again when a new client is rejected", async () => {
    env.emu.faults.add({ operation: "StartDeviceAuthorization", exception: "InvalidClientException" });
    await expect(run({ profile: "legacy" })).rejects.toMatchObject({ code: "ServiceError" });
    expect(env.emu.stats().RegisterClient).toBe(1);
  });

  it("honours clientConfig.endpoint, for the requests and the authorize URL", async () => {
    delete process.env.AWS_ENDPOINT_URL_SSO_OIDC;
    await run({ profile: "dev", clientConfig: { endpoint: env.emu.url } });
    expect(env.prompts[0]!.url.startsWith(`${env.emu.url}/authorize?`)).toBe(true);
  });

  it("tells the prompt whether a browser is being opened", async () => {
    const login = run({ profile: "dev", openBrowser: false });
    for (let i = 0; i < 200 && env.prompts.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(env.prompts[0]!.openingBrowser).toBe(false);
    await fetch(env.prompts[0]!.url);
    await login;
  });

  it("never logs a secret", async () => {
    await run({ profile: "dev" });
    await run({ profile: "legacy" });
    const files = env.cacheFiles().map((name) => env.readCache(name));
    const secrets = files
      .flatMap((f) => [f.accessToken, f.refreshToken, f.clientSecret])
      .filter(Boolean) as string[];
    expect(secrets.length).toBeGreaterThanOrEqual(4);
    expect(logged.length).toBeGreaterThan(0);
    for (const secret of secrets) expect(logged.join("\n")).not.toContain(secret);
  });

  it("never repeats a secret that the service echoes back, in its error or its log", async () => {
    const echoing = new EchoingHandler(env.emu, {
      operation: "CreateToken",
      path: "/token",
      exception: "InvalidClientException",
    });
    const error = (await run({ profile: "dev", clientConfig: { requestHandler: echoing } }).catch(
      (e: unknown) => e,
    )) as LoginError;
    expect(error).toBeInstanceOf(LoginError);
    const [request] = echoing.bodies("/token");
    const secrets = [request!.clientSecret, request!.code, request!.codeVerifier] as string[];
    for (const secret of secrets) expect((error.cause as Error).message).toContain(secret);
    expect(error.message).toContain("InvalidClientException: rejected request: ");
    for (const text of [error.message, error.stack ?? "", ...logged]) {
      for (const secret of secrets) expect(text).not.toContain(secret);
    }
  });

  it("keeps a rejected registration's secret out of the error of the retry with a new one", async () => {
    await run({ profile: "legacy" });
    const cached = env
      .cacheFiles()
      .map((name) => env.readCache(name))
      .find((file) => file.accessToken === undefined);
    const rejectedSecret = cached!.clientSecret as string;
    env.emu.reset();
    env.emu.faults.add({
      operation: "CreateToken",
      exception: "InvalidClientException",
      message: `client secret ${rejectedSecret} is not known`,
    });
    clear();
    const error = (await run({ profile: "legacy" }).catch((e: unknown) => e)) as LoginError;
    expect(env.emu.stats().RegisterClient).toBe(1);
    expect((error.cause as Error).message).toContain(rejectedSecret);
    expect(error.message).toContain("InvalidClientException: client secret [redacted] is not known");
    for (const text of [error.message, error.stack ?? "", ...logged])
      expect(text).not.toContain(rejectedSecret);
  });

  it.each([
    [
      "a 200 kB accessToken (under the 1 MiB reply cap, over the token limit)",
      { accessToken: "x".repeat(200_000), expiresIn: 3600 },
      "an accessToken of 200000",
    ],
    [
      "expiresIn 1e15",
      { accessToken: "reply-access-token", expiresIn: 1e15 },
      "an expiresIn of 1000000000000000",
    ],
  ])(
    "writes nothing when CreateToken replies with %s, keeping the earlier sign-in readable",
    async (_name, body, words) => {
      await run({ profile: "dev" });
      const before = new Map(env.cacheFiles().map((name) => [name, env.readCache(name)]));
      env.emu.faults.add({ operation: "CreateToken", response: { body } });
      const error = (await run({ profile: "dev" }).catch((e: unknown) => e)) as LoginError;
      expect(error.code).toBe("InvalidResponse");
      expect(error.message).toContain(words);
      expect(new Map(env.cacheFiles().map((name) => [name, env.readCache(name)]))).toEqual(before);
    },
  );

  it("reports a cache directory that cannot be made as a CacheError, before asking anyone to approve", async () => {
    mkdirSync(path.join(env.home, ".aws"), { recursive: true });
    writeFileSync(path.join(env.home, ".aws", "sso"), "not a directory");
    const error = (await run({ profile: "dev" }).catch((e: unknown) => e)) as LoginError;
    expect(error.code).toBe("CacheError");
    expect(error.message).toMatch(
      /^the SSO token cache directory .+ cannot be used \(ENOTDIR.*\); make sure it is a writable directory/,
    );
    expect(env.prompts).toHaveLength(0);
    expect(env.emu.stats().RegisterClient).toBe(0);
  });

  it("fails at once when the signal has already aborted", async () => {
    await expect(run({ profile: "dev", signal: AbortSignal.abort() })).rejects.toMatchObject({
      code: "Aborted",
    });
    expect(env.emu.stats().RegisterClient).toBe(0);
  });

  it.each([
    [{ profile: "missing" }, /Profile 'missing' could not be found/],
    [{ ssoSession: "missing" }, /Sso session 'missing' could not be found/],
    [{ profile: "dev", timeoutMs: 0 }, /timeoutMs option must be a positive number/],
    [{ profile: "dev", flow: "browser" as never }, /unknown login flow 'browser'/],
    [{ profile: "dev", scopes: ["a b"] }, /scopes option must be a list/],
  ])("refuses bad configuration %j", async (options, message) => {
    const error = (await run(options).catch((e: unknown) => e)) as LoginError;
    expect(error).toBeInstanceOf(LoginError);
    expect(error.code).toBe("InvalidConfig");
    expect(error.message).toMatch(message);
  });

  it("refuses a start URL that is not https", async () => {
    env.writeConfig("[sso-session s]\nsso_start_url = http://example.com/start\nsso_region = us-east-1\n");
    await expect(run({ ssoSession: "s" })).rejects.toMatchObject({
      code: "InvalidConfig",
      message: "the sso_start_url of sso-session 's' must be an https URL; fix it in the config file",
    });
  });

  it("works with a person on the consent page", async () => {
    await env.close();
    env = await startLoginTestEnv();
    // Asserted after the run: openBrowser's errors are only logged, so an expect inside it could not fail the test.
    let page: ConsentPage | undefined;
    const result = await run({
      profile: "dev",
      openBrowser: async (url) => {
        ({ page } = await answerAuthorizeUrl(url, "allow"));
      },
    });
    expect(result.flow).toBe("pkce");
    expect(page).toEqual({ clientName: "sso-kit-client-emu", scopes: ["sso:account:access"] });
  });
  describe("one sign-in per session at a time", () => {
    const signInLock = () => `${new SsoTokenCache().tokenPath("emu")}.signin.lock`;
    const lockOwner = (pid: number) =>
      JSON.stringify({ pid, hostname: hostname(), nonce: "other", acquiredAt: new Date().toISOString() });

    it("makes a second login wait for the first, say so, and use its token without another authorization", async () => {
      const waits: LoginWait[] = [];
      let secondWaits!: () => void;
      const secondWaiting = new Promise<void>((resolve) => (secondWaits = resolve));
      // The first approves only once the second is known to wait for it: the order is forced, not timed.
      const first = run({
        profile: "dev",
        openBrowser: (url) => secondWaiting.then(() => headlessBrowser(url)),
      });
      await new Promise<void>((resolve) => {
        const poll = setInterval(() => env.prompts.length > 0 && (clearInterval(poll), resolve()), 5);
      });
      const second = run({
        profile: "dev",
        onWait: (wait) => {
          waits.push(wait);
          secondWaits();
        },
      });
      const [one, two] = await Promise.all([first, second]);
      expect(one.alreadySignedIn).toBe(false);
      expect(two).toMatchObject({ alreadySignedIn: true, sessionName: "emu", tokenFile: one.tokenFile });
      expect(two.expiresAt).toEqual(one.expiresAt);
      expect(waits).toEqual([
        {
          session: "emu",
          pid: process.pid,
          hostname: hostname(),
          message: `sso-kit: another sign-in for session emu is in progress (pid ${process.pid}); waiting for it to finish`,
        },
      ]);
      expect(env.prompts).toHaveLength(1);
      expect(env.emu.stats()).toMatchObject({ Authorize: 1, CreateToken: 1, RegisterClient: 1 });
      expect(readdirSync(env.cacheDir).filter((name) => name.endsWith(".lock"))).toEqual([]);
    });

    it("takes over the sign-in lock of a process that died, at once", async () => {
      mkdirSync(env.cacheDir, { recursive: true });
      const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]);
      writeFileSync(signInLock(), lockOwner(Number(dead.stdout.toString())));
      const onWait = jest.fn();
      await expect(run({ profile: "dev", onWait })).resolves.toMatchObject({ alreadySignedIn: false });
      expect(onWait).not.toHaveBeenCalled();
      expect(env.emu.stats().Authorize).toBe(1);
    });

    it("gives up waiting for a live sign-in when its own timeout runs out, asking for nothing", async () => {
      mkdirSync(env.cacheDir, { recursive: true });
      writeFileSync(signInLock(), lockOwner(process.pid));
      const error = (await run({ profile: "dev", timeoutMs: 300, onWait: () => undefined }).catch(
        (e: unknown) => e,
      )) as LoginError;
      expect(error).toBeInstanceOf(LoginError);
      expect(error.code).toBe("Timeout");
      expect(error.message).toMatch(/^another sign-in for session emu did not finish within /);
      expect(env.prompts).toHaveLength(0);
      expect(env.emu.stats().RegisterClient).toBe(0);
    });

    it("still signs in anew when the valid token in the cache was there before the login started", async () => {
      const first = await run({ profile: "dev" });
      const second = await run({ profile: "dev" });
      expect(second.alreadySignedIn).toBe(false);
      expect(second.expiresAt.getTime()).toBeGreaterThanOrEqual(first.expiresAt.getTime());
      expect(env.emu.stats().Authorize).toBe(2);
    });
  });
});
