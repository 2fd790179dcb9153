// An ES module application: role credentials from fromSSO (the cached token has expired, so the first resolve
// refreshes it), then an STS call signed with them. Writes what it saw to CONSUMER_RESULT_FILE for the runner.
// No top-level await: esbuild bundles this same file as CommonJS.
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { fromSSO } from "@sso-kit/credential-provider";
import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";

const main = async () => {
  const profile = process.env.CONSUMER_PROFILE;
  const credentials = await fromSSO({ profile })();
  const sts = new STSClient({ region: "us-east-1", credentials: fromSSO({ profile }) });
  const identity = await sts.send(new GetCallerIdentityCommand({}));
  // Access keys stay in this process: only a hash leaves it.
  const result = {
    keyHash: createHash("sha256").update(credentials.accessKeyId).digest("hex"),
    expiration: credentials.expiration?.toISOString(),
    account: identity.Account,
    arn: identity.Arn,
  };
  writeFileSync(process.env.CONSUMER_RESULT_FILE, JSON.stringify(result));
};

main().catch((error) => {
  console.error(`${error.name}: ${error.message}`);
  process.exitCode = 1;
});
