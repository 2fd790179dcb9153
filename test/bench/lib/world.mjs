// The benchmark's world: one emulator (in this process) and one temporary HOME with an sso-session profile, shared
// by sso-kit and the official providers, which read the same config and the same token file; and one consumer
// project, where both are installed as users install them (by npm: sso-kit from its packed tarballs, the official
// packages from the registry, at the versions of consumer/package-lock.json). Every child benchmark process runs a
// copy of children/ inside that project, so that each resolves its imports from the same node_modules.
import { startEmulator } from "@sso-kit/emulator";
import { SsoTokenCache } from "@sso-kit/token-provider";
import { spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { fileURLToPath, URL } from "node:url";
import { installFixture, packWorkspace } from "../../consumers/lib/install.mjs";

export const PROFILE = "bench";
export const SESSION = "bench";

const bench = fileURLToPath(new URL("..", import.meta.url));
const SSO_KIT = [
  "@sso-kit/token-provider",
  "@sso-kit/credential-provider",
  "@sso-kit/login",
  "@sso-kit/emulator",
  "@sso-kit/cli",
];

/** Packs sso-kit and installs it with the official packages in a new consumer project in `root`. */
const installConsumer = async (root) => {
  const tarballs = await packWorkspace(join(root, "tarballs"));
  const dir = await installFixture(
    join(bench, "consumer"),
    join(root, "consumer"),
    SSO_KIT.map((name) => tarballs[name]),
  );
  cpSync(join(bench, "children"), join(dir, "children"), { recursive: true });
  const versionOf = (name) =>
    JSON.parse(readFileSync(join(dir, "node_modules", name, "package.json"), "utf8")).version;
  const installed = Object.fromEntries(
    [
      "@sso-kit/credential-provider",
      "@aws-sdk/credential-provider-sso",
      "@aws-sdk/client-sso",
      "@aws-sdk/client-sts",
    ].map((name) => [name, versionOf(name)]),
  );
  return { dir, installed };
};

/** Installs the consumer project, starts the emulator and writes ~/.aws/config in a new temporary HOME. */
export const createWorld = async () => {
  const root = mkdtempSync(join(tmpdir(), "sso-kit-bench-install-"));
  let consumer;
  try {
    consumer = await installConsumer(root);
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
  const emu = await startEmulator({ rotateRefreshTokens: true });
  const home = mkdtempSync(join(tmpdir(), "sso-kit-bench-"));
  const configFile = join(home, ".aws", "config");
  mkdirSync(join(home, ".aws", "sso", "cache"), { recursive: true, mode: 0o700 });
  const account = emu.accounts[0];
  writeFileSync(
    configFile,
    [
      `[profile ${PROFILE}]`,
      `sso_session = ${SESSION}`,
      `sso_account_id = ${account.accountId}`,
      `sso_role_name = ${account.roles[0]}`,
      `region = ${emu.region}`,
      `[sso-session ${SESSION}]`,
      `sso_start_url = ${emu.startUrl}`,
      `sso_region = ${emu.region}`,
      "sso_registration_scopes = sso:account:access",
      "",
    ].join("\n"),
    { mode: 0o600 },
  );
  const cache = new SsoTokenCache({ directory: join(home, ".aws", "sso", "cache") });
  /** Only what a child needs: no AWS_* variable of the developer's shell reaches it. */
  const env = {
    PATH: process.env.PATH,
    HOME: home,
    AWS_CONFIG_FILE: configFile,
    AWS_SHARED_CREDENTIALS_FILE: join(home, ".aws", "credentials"),
    BENCH_PROFILE: PROFILE,
    // The SDK warns once per process about Node 20 support; not part of what is measured.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    ...emu.env,
  };
  return {
    emu,
    home,
    cache,
    env,
    /** The versions installed in the consumer project, by package name. */
    installed: consumer.installed,
    /** The path of a child benchmark script (children/NAME) in the consumer project. */
    child: (name) => join(consumer.dir, "children", name),
    /** The installed `sso-kit` CLI's entry point. */
    cli: join(consumer.dir, "node_modules", "@sso-kit", "cli", "dist", "esm", "bin", "sso-kit.js"),
    /** Signs in: a token the emulator accepts, expiring in `expiresInMs` (negative: expired), refreshable. */
    async signIn(expiresInMs) {
      const seeded = emu.seedToken({ expiresAt: new Date(Date.now() + expiresInMs) });
      await cache.writeToken(SESSION, { ...emu.cachedToken(seeded) });
      return seeded;
    },
    /** Marks the cached token as expired, keeping its refresh token (to test that the session still refreshes). */
    async expireCachedToken() {
      const token = await cache.readToken(SESSION);
      await cache.writeToken(SESSION, { ...token, expiresAt: new Date(Date.now() - 60_000).toISOString() });
    },
    async dispose() {
      await emu.stop();
      rmSync(home, { recursive: true, force: true });
      rmSync(root, { recursive: true, force: true });
    },
  };
};

/** The JSON a child printed: all of its output, or its first line that is a JSON object; else undefined. */
const jsonIn = (stdout) => {
  for (const candidate of [stdout, stdout.split("\n").find((line) => line.startsWith("{"))]) {
    try {
      if (candidate !== undefined) return JSON.parse(candidate);
    } catch {
      // not JSON: try the next reading
    }
  }
  return undefined;
};

/** Runs `node script` to completion; returns its exit code, output, the JSON line it printed and the wall time. */
export const runNode = (script, env, args = []) =>
  new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [script, ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      const wallMs = performance.now() - start;
      resolve({ code, stdout, stderr, wallMs, json: jsonIn(stdout) });
    });
  });

/**
 * Starts `count` processes of `script` that print "ready" once loaded and wait for a stdin line; when all are
 * ready, releases them at the same moment. Resolves with each one's JSON line (or its stderr when it had none).
 */
export const raceNodes = async (script, env, count) => {
  const children = Array.from({ length: count }, () => {
    const child = spawn(process.execPath, [script], { env: { ...env, BENCH_WAIT_FOR_GO: "1" } });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk) => (stderr += chunk));
    const lines = [];
    const waiting = [];
    createInterface({ input: child.stdout }).on("line", (line) => {
      lines.push(line);
      waiting.splice(0).forEach((wake) => wake());
    });
    const closed = new Promise((resolve) => child.on("close", resolve));
    const lineMatching = (predicate) =>
      new Promise((resolve) => {
        const check = () => {
          const found = lines.find(predicate);
          if (found !== undefined) resolve(found);
          else waiting.push(check);
        };
        check();
        void closed.then(() => resolve(lines.find(predicate)));
      });
    return { child, lineMatching, closed, stderr: () => stderr };
  });
  await Promise.all(children.map((c) => c.lineMatching((line) => line === "ready")));
  for (const { child } of children) child.stdin.write("go\n");
  return Promise.all(
    children.map(async (c) => {
      const line = await c.lineMatching((l) => l.startsWith("{"));
      await c.closed;
      return line === undefined
        ? { ok: false, error: c.stderr().trim().split("\n").pop() }
        : JSON.parse(line);
    }),
  );
};
