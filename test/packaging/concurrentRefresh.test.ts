/**
 * The refresh code is loaded on first use (see build.mjs): the callers that arrive while it loads must still share
 * one refresh. Checked on the built packages (`pnpm build` first) in a plain `node` child process, where loading
 * that code takes real time (the ES build's `import()` reads and compiles a file), with 20 providers of one
 * process resolving at once on an expired token: all succeed with the same credentials after one CreateToken.
 */
import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { useSsoProfiles } from "../support/credential-provider/useSsoProfiles";

const PACKAGE_DIR = join(__dirname, "../../packages/credential-provider");

const env = useSsoProfiles();

const SCRIPT = `
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
const [dir, build] = process.argv.slice(2);
const { fromSSO } =
  build === "esm"
    ? await import(pathToFileURL(join(dir, "dist/esm/index.js")).href)
    : createRequire(import.meta.url)(dir);
const results = await Promise.allSettled(Array.from({ length: 20 }, () => fromSSO({ profile: "dev" })()));
const failed = results.filter((result) => result.status === "rejected").map((result) => result.reason.message);
const keys = new Set(results.filter((result) => result.status === "fulfilled").map((result) => result.value.accessKeyId));
console.log(JSON.stringify({ failed, distinctKeys: keys.size }));
`;

test.each([["esm"], ["cjs"]])(
  "20 providers of the %s build on an expired token: one CreateToken, all succeed",
  async (build) => {
    await env.signIn("dev", { expiresAt: new Date(Date.now() - 60_000) });
    const script = join(env.home.dir, "concurrent.mjs");
    writeFileSync(script, SCRIPT);
    const { stdout } = await promisify(execFile)(process.execPath, [script, PACKAGE_DIR, build], {
      env: { PATH: process.env.PATH, HOME: env.home.dir, NODE_NO_WARNINGS: "1", ...env.emu.env },
      timeout: 20_000,
    });
    expect(JSON.parse(stdout)).toEqual({ failed: [], distinctKeys: 1 });
    expect(env.emu.stats().CreateToken).toBe(1);
  },
);
