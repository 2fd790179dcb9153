// moduleResolution bundler, as an application built by a bundler is type-checked; emitted as ESM (.mjs) and run by node.
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { fromSSO, type FromSSOInit } from "@sso-kit/credential-provider";
import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";

const main = async (): Promise<void> => {
  const profile = process.env["CONSUMER_PROFILE"];
  const resultFile = process.env["CONSUMER_RESULT_FILE"];
  if (profile === undefined || resultFile === undefined)
    throw new Error("CONSUMER_PROFILE and CONSUMER_RESULT_FILE");
  const init: FromSSOInit = { profile };
  const credentials = await fromSSO(init)();
  const sts = new STSClient({ region: "us-east-1", credentials: fromSSO({ profile }) });
  const identity = await sts.send(new GetCallerIdentityCommand({}));
  const result = {
    keyHash: createHash("sha256").update(credentials.accessKeyId).digest("hex"),
    expiration: credentials.expiration?.toISOString(),
    account: identity.Account,
    arn: identity.Arn,
  };
  writeFileSync(resultFile, JSON.stringify(result));
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  process.exitCode = 1;
});
