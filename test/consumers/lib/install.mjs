// sso-kit as users get it: the packages packed into tarballs (pnpm replaces `workspace:*` with real versions, as
// on publishing), installed with npm into a copy of a fixture project whose registry packages its committed
// package-lock.json pins. Shared by the consumer suite and the benchmarks.
import { spawn } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { clearTimeout, setTimeout } from "node:timers";
import { fileURLToPath, URL } from "node:url";

export const REPO = fileURLToPath(new URL("../../..", import.meta.url));
const PNPM = "pnpm@12.21.0";

/**
 * Runs a command to completion or to its deadline (then its whole process group is killed); resolves with its exit
 * code (null when killed), output and wall time in ms. Never rejects for a failed command.
 */
export const run = (command, args, { cwd, env = process.env, timeoutMs = 120_000 } = {}) =>
  new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk) => (stderr += chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }, timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut, ms: performance.now() - start });
    });
  });

/** The same as {@link run}, but a failed command (non-zero exit, deadline) throws an error with its output. */
export const runOrThrow = async (command, args, options) => {
  const result = await run(command, args, options);
  if (result.code !== 0) {
    const why = result.timedOut
      ? `did not finish in ${options?.timeoutMs ?? 120_000} ms`
      : `exited ${result.code}`;
    const output = `${result.stderr}\n${result.stdout}`.trim().split("\n").slice(-25).join("\n");
    throw new Error(`${[command, ...args].join(" ")} ${why}:\n${output}`);
  }
  return result;
};

/** pnpm: the one running this script (`pnpm test:consumers`, `pnpm bench`), else the version CI uses, via npx. */
const pnpm = (args) => {
  const running = process.env.npm_execpath ?? "";
  if (!/pnpm/.test(running)) return ["npx", ["--yes", PNPM, ...args]];
  // pnpm is a JavaScript file or, from pnpm 11, a native executable.
  return /\.[cm]?js$/.test(running) ? [process.execPath, [running, ...args]] : [running, args];
};

/**
 * Packs every workspace package (their dist/ must be built) into `destination`. Returns the tarballs' paths by
 * package name, e.g. `{ "@sso-kit/credential-provider": "/tmp/…/sso-kit-credential-provider-0.1.0.tgz" }`.
 */
export const packWorkspace = async (destination) => {
  mkdirSync(destination, { recursive: true });
  const [command, args] = pnpm(["-r", "pack", "--pack-destination", destination]);
  await runOrThrow(command, args, { cwd: REPO, timeoutMs: 180_000 });
  const tarballs = {};
  for (const file of readdirSync(destination)) {
    const match = /^sso-kit-(.+)-\d+\.\d+\.\d+.*\.tgz$/.exec(file);
    if (match) tarballs[`@sso-kit/${match[1]}`] = join(destination, file);
  }
  if (Object.keys(tarballs).length === 0) throw new Error(`pnpm pack left no tarball in ${destination}`);
  return tarballs;
};

const NPM_QUIET = ["--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"];

/**
 * Copies the fixture project `fixture` (its package.json, package-lock.json and sources; no node_modules or build
 * output) to `destination`, and installs with one `npm install --no-save`: its registry packages at the versions
 * of its lockfile, and the tarballs (and any `extra` package specs) on top, leaving package.json and the lockfile
 * as they are. (One npm run rather than `npm ci` then `npm install`: half the time. Like `npm ci`, it first checks
 * that the lockfile was made from this package.json, so that what is installed is what the lockfile says.)
 * Returns `destination`.
 */
export const installFixture = async (fixture, destination, tarballs, extra = []) => {
  cpSync(fixture, destination, {
    recursive: true,
    filter: (source) => !/[/\\](node_modules|out)$/.test(source),
  });
  const manifest = JSON.parse(readFileSync(join(destination, "package.json"), "utf8"));
  const locked = JSON.parse(readFileSync(join(destination, "package-lock.json"), "utf8")).packages[""];
  for (const field of ["dependencies", "devDependencies"]) {
    if (JSON.stringify(manifest[field] ?? {}) !== JSON.stringify(locked[field] ?? {}))
      throw new Error(
        `${fixture}: package-lock.json is out of date (run npm install --package-lock-only there)`,
      );
  }
  const env = { ...process.env, npm_config_update_notifier: "false" };
  await runOrThrow("npm", ["install", "--no-save", ...NPM_QUIET, ...tarballs, ...extra], {
    cwd: destination,
    env,
    timeoutMs: 300_000,
  });
  return destination;
};
