// The same application as esm.mjs, as a CommonJS module: require() loads sso-kit's CommonJS build.
const { GetCallerIdentityCommand, STSClient } = require("@aws-sdk/client-sts");
const { fromSSO } = require("@sso-kit/credential-provider");
const { createHash } = require("node:crypto");
const { writeFileSync } = require("node:fs");

const main = async () => {
  const profile = process.env.CONSUMER_PROFILE;
  const credentials = await fromSSO({ profile })();
  const sts = new STSClient({ region: "us-east-1", credentials: fromSSO({ profile }) });
  const identity = await sts.send(new GetCallerIdentityCommand({}));
  const result = {
    keyHash: createHash("sha256").update(credentials.accessKeyId).digest("hex"),
    expiration: credentials.expiration && credentials.expiration.toISOString(),
    account: identity.Account,
    arn: identity.Arn,
  };
  writeFileSync(process.env.CONSUMER_RESULT_FILE, JSON.stringify(result));
};

main().catch((error) => {
  console.error(`${error.name}: ${error.message}`);
  process.exitCode = 1;
});
