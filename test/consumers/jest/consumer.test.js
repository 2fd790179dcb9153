/* global test, expect */
// A jest test as most projects write one: CommonJS, require(), jest's defaults. It loads sso-kit inside jest's
// module sandbox, which has no ES module loader unless Node runs with --experimental-vm-modules.
const { GetCallerIdentityCommand, STSClient } = require("@aws-sdk/client-sts");
const { fromSSO } = require("@sso-kit/credential-provider");
const { createHash } = require("node:crypto");
const { writeFileSync } = require("node:fs");

test("fromSSO refreshes the expired token and signs an STS call", async () => {
  const profile = process.env.CONSUMER_PROFILE;
  const credentials = await fromSSO({ profile })();
  const sts = new STSClient({ region: "us-east-1", credentials: fromSSO({ profile }) });
  const identity = await sts.send(new GetCallerIdentityCommand({}));
  expect(identity.Account).toBe(process.env.CONSUMER_ACCOUNT);
  writeFileSync(
    process.env.CONSUMER_RESULT_FILE,
    JSON.stringify({
      keyHash: createHash("sha256").update(credentials.accessKeyId).digest("hex"),
      expiration: credentials.expiration && credentials.expiration.toISOString(),
      account: identity.Account,
      arn: identity.Arn,
    }),
  );
});
