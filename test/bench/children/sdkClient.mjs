// One process that does what most programs do with the provider: an SDK client (STS) with `credentials:
// fromSSO(...)` making one call (GetCallerIdentity, which resolves credentials first: one GetRoleCredentials).
// BENCH_IMPL as in resolve.mjs. Prints one JSON line: { ok, error?, maxRssKb, cpuMs } (cpuMs: as in resolve.mjs). Its wall time is measured by the
// parent: here the SDK is loaded whichever provider is used, so this shows what the provider adds to a real program.
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";

const impl = process.env.BENCH_IMPL;
const specifier = { "sso-kit": "@sso-kit/credential-provider", official: "@aws-sdk/credential-provider-sso" }[
  impl
];
if (specifier === undefined) throw new Error(`BENCH_IMPL must be sso-kit or official, not ${impl}`);
const { fromSSO } = await import(specifier);

let result;
try {
  const sts = new STSClient({
    region: "us-east-1",
    credentials: fromSSO({ profile: process.env.BENCH_PROFILE }),
  });
  const { Account } = await sts.send(new GetCallerIdentityCommand({}));
  result = { ok: typeof Account === "string" };
} catch (error) {
  result = { ok: false, error: `${error.name}: ${String(error.message).split("\n")[0].slice(0, 300)}` };
}
const usage = process.resourceUsage();
const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
process.stdout.write(`${JSON.stringify({ ...result, maxRssKb: usage.maxRSS, cpuMs })}\n`);
