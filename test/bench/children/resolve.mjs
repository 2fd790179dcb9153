// One process resolving role credentials for the profile BENCH_PROFILE with BENCH_IMPL ("sso-kit": fromSSO of
// @sso-kit/credential-provider; "official": fromSSO of @aws-sdk/credential-provider-sso), as a program would at
// start-up. Prints one JSON line: { ok, keyHash | error, importMs, resolveMs, maxRssKb, cpuMs }.
// With BENCH_WAIT_FOR_GO it loads the module, prints "ready" and waits for a stdin line before resolving, so that
// many processes can resolve at the same moment.
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { once } from "node:events";
import { performance } from "node:perf_hooks";
import { createInterface } from "node:readline";

const impl = process.env.BENCH_IMPL;
const specifier = { "sso-kit": "@sso-kit/credential-provider", official: "@aws-sdk/credential-provider-sso" }[
  impl
];
if (specifier === undefined) throw new Error(`BENCH_IMPL must be sso-kit or official, not ${impl}`);

const importStart = performance.now();
const { fromSSO } =
  process.env.BENCH_MODULES === "cjs" ? createRequire(import.meta.url)(specifier) : await import(specifier);
const importMs = performance.now() - importStart;

if (process.env.BENCH_WAIT_FOR_GO !== undefined) {
  const lines = createInterface({ input: process.stdin });
  process.stdout.write("ready\n");
  await once(lines, "line");
  lines.close();
}

const resolveStart = performance.now();
let result;
try {
  const credentials = await fromSSO({ profile: process.env.BENCH_PROFILE })();
  // Credentials are secrets: only a hash of the key id leaves the process.
  result = {
    ok: true,
    keyHash: createHash("sha256").update(credentials.accessKeyId).digest("hex").slice(0, 12),
  };
} catch (error) {
  result = { ok: false, error: `${error.name}: ${String(error.message).split("\n")[0].slice(0, 300)}` };
}
const resolveMs = performance.now() - resolveStart;
const usage = process.resourceUsage();
// CPU time (user + system) as well as wall time: on a shared machine, waiting for a core inflates the wall time
// of both packages by tens of percent, while the work each one does shows in its CPU time.
const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
process.stdout.write(
  `${JSON.stringify({ ...result, importMs, resolveMs, maxRssKb: usage.maxRSS, cpuMs })}\n`,
);
