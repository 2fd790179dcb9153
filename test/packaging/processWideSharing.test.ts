/**
 * One process that loads both builds of the providers (an ESM app with a CommonJS dependency, say) still has one
 * role-credential cache and one token-refresh state: a plain `node` child process imports `dist/esm` and requires
 * `dist/cjs` (`pnpm build` first), and the emulator counts the calls they make.
 */
import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { useSsoProfiles } from "../support/credential-provider/useSsoProfiles";

const PACKAGES = join(__dirname, "../../packages");

const env = useSsoProfiles();

/** Loads package `argv[2]` both ways and runs step `argv[3]` with `{ esm, cjs, stats }`. */
const SCRIPT = `
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
const [dir, step] = process.argv.slice(2);
const esm = await import(pathToFileURL(join(dir, "dist/esm/index.js")).href);
const cjs = createRequire(import.meta.url)(dir);
if (esm.fromSSO === cjs.fromSSO && esm.fromSso === cjs.fromSso) throw new Error("one copy loaded");
const stats = async () => (await (await fetch(process.env.AWS_ENDPOINT_URL_SSO + "/__emulator/stats")).json());
const steps = {
  credentials: async () => {
    const [a, b] = await Promise.all([esm.fromSSO({ profile: "dev" })(), cjs.fromSSO({ profile: "dev" })()]);
    const c = await cjs.fromSSO({ profile: "dev" })();
    return { sameKeys: a.accessKeyId === b.accessKeyId && b.accessKeyId === c.accessKeyId };
  },
  refresh: async () => {
    const before = (await stats()).CreateToken;
    await esm.fromSso({ profile: "dev" })();
    const afterEsm = (await stats()).CreateToken - before;
    await cjs.fromSso({ profile: "dev" })();
    return { afterEsm, afterCjs: (await stats()).CreateToken - before };
  },
};
console.log(JSON.stringify(await steps[step]()));
`;

const run = async (pkg: string, step: string): Promise<unknown> => {
  const script = join(env.home.dir, "both.mjs");
  writeFileSync(script, SCRIPT);
  const { stdout } = await promisify(execFile)(process.execPath, [script, join(PACKAGES, pkg), step], {
    env: { PATH: process.env.PATH, HOME: env.home.dir, NODE_NO_WARNINGS: "1", ...env.emu.env },
    timeout: 20_000,
  });
  return JSON.parse(stdout) as unknown;
};

test("the ESM and CommonJS builds of fromSSO share role credentials: one GetRoleCredentials", async () => {
  await env.signIn("dev");
  expect(await run("credential-provider", "credentials")).toEqual({ sameKeys: true });
  expect(env.emu.stats().GetRoleCredentials).toBe(1);
});

test("the ESM and CommonJS builds of fromSso share the refresh clock: no second attempt within 30 s", async () => {
  // Valid for one more minute, so inside the refresh window; every refresh fails and the cached token is returned.
  await env.signIn("dev", { expiresAt: new Date(Date.now() + 60_000) });
  env.emu.faults.add({ operation: "CreateToken", status: 500 });
  const { afterEsm, afterCjs } = (await run("token-provider", "refresh")) as {
    afterEsm: number;
    afterCjs: number;
  };
  expect(afterEsm).toBeGreaterThan(0);
  expect(afterCjs).toBe(afterEsm);
});
