// Memoized resolves per second in one process: BENCH_IMPL "sso-kit" (fromSSO of @sso-kit/credential-provider,
// which memoizes itself) or "official" (fromSSO of @aws-sdk/credential-provider-sso wrapped in memoize of
// @smithy/property-provider, as a client would hold it). After one real resolve, BENCH_BATCHES batches of
// BENCH_CALLS sequential `await provider()`; prints { opsPerSecond: [per batch] }.
import { memoize } from "@smithy/property-provider";
import { performance } from "node:perf_hooks";

const impl = process.env.BENCH_IMPL;
const calls = Number(process.env.BENCH_CALLS ?? "200000");
const batches = Number(process.env.BENCH_BATCHES ?? "5");
const profile = process.env.BENCH_PROFILE;

let provider;
if (impl === "sso-kit") {
  const { fromSSO } = await import("@sso-kit/credential-provider");
  provider = fromSSO({ profile });
} else if (impl === "official") {
  const { fromSSO } = await import("@aws-sdk/credential-provider-sso");
  // The SDK's own criteria: refresh 5 minutes before expiry; credentials without expiration never expire.
  provider = memoize(
    fromSSO({ profile }),
    (credentials) =>
      credentials.expiration !== undefined && credentials.expiration.getTime() - Date.now() < 300_000,
    (credentials) => credentials.expiration !== undefined,
  );
} else {
  throw new Error(`BENCH_IMPL must be sso-kit or official, not ${impl}`);
}

const first = await provider();
if (typeof first.accessKeyId !== "string") throw new Error("no credentials");
const opsPerSecond = [];
for (let batch = 0; batch < batches; batch++) {
  const start = performance.now();
  for (let i = 0; i < calls; i++) await provider();
  opsPerSecond.push(calls / ((performance.now() - start) / 1000));
}
process.stdout.write(`${JSON.stringify({ opsPerSecond })}\n`);
