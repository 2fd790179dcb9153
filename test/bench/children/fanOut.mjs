// Fan-out in one process: BENCH_CLIENTS STS clients, each with its own fromSSO provider (BENCH_IMPL "sso-kit" or
// "official"), each sending BENCH_CONCURRENT GetCallerIdentity requests at once (SigV4-signed with the role
// credentials, verified by the emulator). Prints { ok, failed, firstError?, ms }; the emulator counts the calls.
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { performance } from "node:perf_hooks";

const impl = process.env.BENCH_IMPL;
const clients = Number(process.env.BENCH_CLIENTS ?? "50");
const concurrent = Number(process.env.BENCH_CONCURRENT ?? "20");
const specifier = { "sso-kit": "@sso-kit/credential-provider", official: "@aws-sdk/credential-provider-sso" }[
  impl
];
if (specifier === undefined) throw new Error(`BENCH_IMPL must be sso-kit or official, not ${impl}`);
const { fromSSO } = await import(specifier);

const start = performance.now();
const sts = Array.from(
  { length: clients },
  () =>
    new STSClient({
      region: "us-east-1",
      endpoint: process.env.AWS_ENDPOINT_URL_STS,
      credentials: fromSSO({ profile: process.env.BENCH_PROFILE }),
    }),
);
const settled = await Promise.allSettled(
  sts.flatMap((client) =>
    Array.from({ length: concurrent }, () => client.send(new GetCallerIdentityCommand({}))),
  ),
);
const failed = settled.filter((outcome) => outcome.status === "rejected");
process.stdout.write(
  `${JSON.stringify({
    ok: settled.length - failed.length,
    failed: failed.length,
    ...(failed.length > 0 && {
      firstError: `${failed[0].reason?.name}: ${String(failed[0].reason?.message).slice(0, 200)}`,
    }),
    ms: performance.now() - start,
  })}\n`,
);
