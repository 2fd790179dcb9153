// A Vitest test with Vitest's defaults.
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { fromSSO } from "@sso-kit/credential-provider";
import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import { expect, test } from "vitest";

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
      expiration: credentials.expiration?.toISOString(),
      account: identity.Account,
      arn: identity.Arn,
    }),
  );
});
