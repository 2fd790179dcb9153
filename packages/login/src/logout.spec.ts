import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

import { ListAccountsCommand, SSOClient } from "@aws-sdk/client-sso";
import { SsoTokenCache, withFileLock } from "@sso-kit/token-provider/internal";

import { startLoginTestEnv, type LoginTestEnv } from "../../../test/support/login/loginTestEnv.js";
import { recordingLogger } from "../../../test/support/recordingLogger.js";
import { login } from "./login.js";
import { logout, type LogoutResult } from "./logout.js";

const headlessBrowser = async (url: string): Promise<void> => void (await fetch(url));

describe("logout", () => {
  let env: LoginTestEnv;
  const { logger, lines, messages: logged, warnings, clear } = recordingLogger();

  beforeEach(async () => {
    env = await startLoginTestEnv({ autoApprove: true });
    clear();
  });
  afterEach(async () => {
    await env.close();
  });

  async function signIn(): Promise<{ tokenFiles: string[]; registrationFiles: string[]; tokens: string[] }> {
    const options = { prompt: env.prompt, openBrowser: headlessBrowser };
    const dev = await login({ ...options, profile: "dev" });
    const legacy = await login({ ...options, profile: "legacy" });
    const tokenFiles = [dev.tokenFile, legacy.tokenFile].sort();
    const tokens = tokenFiles.map((file) => env.readCache(path.basename(file)).accessToken as string);
    const registrationFiles = env
      .cacheFiles()
      .map((name) => path.join(env.cacheDir, name))
      .filter((file) => !tokenFiles.includes(file));
    return { tokenFiles, registrationFiles, tokens };
  }

  function writeRoleCredentials(name: string, content: string): string {
    const directory = path.join(env.home, ".aws", "cli", "cache");
    mkdirSync(directory, { recursive: true });
    const file = path.join(directory, name);
    writeFileSync(file, content);
    return file;
  }

  async function canListAccounts(accessToken: string): Promise<boolean> {
    const sso = new SSOClient({ region: env.emu.region });
    try {
      await sso.send(new ListAccountsCommand({ accessToken }));
      return true;
    } catch {
      return false;
    } finally {
      sso.destroy();
    }
  }

  it("revokes and deletes every token, keeps registrations, and deletes only SSO role credentials", async () => {
    const { tokenFiles, registrationFiles, tokens } = await signIn();
    expect(registrationFiles).toHaveLength(2);
    for (const token of tokens) expect(await canListAccounts(token)).toBe(true);
    const sso = writeRoleCredentials(
      "757c4c97567f43d2fe46d5cb6255986da9b4731a.json",
      JSON.stringify({ ProviderType: "sso", Credentials: { AccessKeyId: "AKIA", SecretAccessKey: "s" } }),
    );
    const assumed = writeRoleCredentials(
      "0b1c.json",
      JSON.stringify({ ProviderType: "assume-role", Credentials: { AccessKeyId: "AKIA" } }),
    );
    const broken = writeRoleCredentials("broken.json", "{");

    const result = await logout({ logger });
    expect(result).toEqual({ tokenFiles, failedSignOuts: 0, roleCredentialFiles: [sso] });
    expect(env.emu.stats().Logout).toBe(2);
    for (const token of tokens) expect(await canListAccounts(token)).toBe(false);
    for (const file of tokenFiles) expect(existsSync(file)).toBe(false);
    for (const file of registrationFiles) expect(existsSync(file)).toBe(true);
    expect(existsSync(sso)).toBe(false);
    expect(existsSync(assumed)).toBe(true);
    expect(existsSync(broken)).toBe(true);
  });

  it("deletes the files even when the Logout call fails, and logs why without the token", async () => {
    const { tokenFiles, tokens } = await signIn();
    env.emu.faults.add({
      operation: "Logout",
      exception: "UnauthorizedException",
      message: "Session token not found",
    });
    const result = await logout({ logger });
    expect(result.tokenFiles).toEqual(tokenFiles);
    expect(result.failedSignOuts).toBe(2);
    for (const file of tokenFiles) expect(existsSync(file)).toBe(false);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(
      /^sso-kit logout: the Logout call for .+ failed \(UnauthorizedException: Session token not found\); deleting the file anyway$/,
    );
    for (const token of tokens) expect(JSON.stringify(logged)).not.toContain(token);
  });

  it("says a reset connection was reset (the SDK calls it a TimeoutError), and logs each Logout call at debug level", async () => {
    const { tokenFiles, tokens } = await signIn();
    env.emu.faults.add({ operation: "Logout", reset: true });
    const result = await logout({ logger });
    expect(result).toMatchObject({ tokenFiles, failedSignOuts: 2 });
    for (const file of tokenFiles) expect(existsSync(file)).toBe(false);
    expect(lines.filter((line) => line.startsWith("debug sso-kit logout: revoking"))).toEqual(
      tokenFiles.map(
        (file) => `debug sso-kit logout: revoking the token in ${file} (SSO Logout in ${env.emu.region})`,
      ),
    );
    expect(warnings).toEqual(
      tokenFiles.map(
        (file) =>
          `sso-kit logout: the Logout call for ${file} failed (the connection was reset); deleting the file anyway`,
      ),
    );
    for (const token of tokens) expect(JSON.stringify(logged)).not.toContain(token);
  });

  it("deletes each token file under the cache lock: a refresh holding it finishes first, then loses its token", async () => {
    const { tokenFiles } = await signIn();
    const cache = new SsoTokenCache();
    const sessionFile = cache.tokenPath("emu");
    // Files are signed out in order: once this many Logout calls are made, logout is at the session's file.
    const logoutsBefore = tokenFiles.indexOf(sessionFile) + 1;
    expect(logoutsBefore).toBeGreaterThan(0);
    let loggingOut: Promise<LogoutResult> | undefined;
    let done = false;
    await cache.withLock("emu", async () => {
      loggingOut = logout().finally(() => (done = true));
      for (let i = 0; i < 200 && env.emu.stats().Logout < logoutsBefore; i++) {
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      expect(env.emu.stats().Logout).toBe(logoutsBefore);
      // Give an unlocked delete every chance to happen.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(existsSync(sessionFile)).toBe(true);
      expect(done).toBe(false);
      const current = await cache.readToken("emu");
      await cache.writeToken("emu", { ...current!, accessToken: "refreshed-meanwhile" });
    });
    await expect(loggingOut).resolves.toMatchObject({ tokenFiles, failedSignOuts: 0 });
    for (const file of tokenFiles) expect(existsSync(file)).toBe(false);
    expect(existsSync(`${sessionFile}.lock`)).toBe(false);
  });

  it("deletes SSO role credentials under their lock: a credential-process run writing them finishes first", async () => {
    const file = writeRoleCredentials("abc.json", JSON.stringify({ ProviderType: "sso", Credentials: {} }));
    let done = false;
    await withFileLock(`${file}.lock`, async () => {
      const loggingOut = logout().finally(() => (done = true));
      // Give an unlocked delete every chance to happen.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(existsSync(file)).toBe(true);
      expect(done).toBe(false);
      return { loggingOut }; // not the promise itself: returning it would wait for it while holding the lock
    }).then(async ({ loggingOut }) =>
      expect(await loggingOut).toMatchObject({ roleCredentialFiles: [file] }),
    );
    expect(existsSync(file)).toBe(false);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it("uses clientConfig for the SSO client", async () => {
    await signIn();
    delete process.env.AWS_ENDPOINT_URL_SSO;
    const result = await logout({ clientConfig: { endpoint: env.emu.url } });
    expect(result.failedSignOuts).toBe(0);
    expect(env.emu.stats().Logout).toBe(2);
  });

  it("has nothing to do without a cache", async () => {
    await expect(logout()).resolves.toEqual({ tokenFiles: [], failedSignOuts: 0, roleCredentialFiles: [] });
    expect(env.emu.stats().Logout).toBe(0);
  });

  it("stops when aborted", async () => {
    await signIn();
    await expect(logout({ signal: AbortSignal.abort() })).rejects.toMatchObject({ code: "Aborted" });
    expect(env.emu.stats().Logout).toBe(0);
  });
});
