import { assumeRoleCacheKey } from "./assumeRoleCacheKey.js";

const DEPLOY = "arn:aws:iam::222222222222:role/Deploy";
const none = {
  roleSessionName: undefined,
  externalId: undefined,
  mfaSerial: undefined,
  durationSeconds: undefined,
};

// Expected names computed with the AWS CLI 2.9.19's own AssumeRoleCredentialFetcher (Debian's awscli) for the same
// role and extra arguments.
describe("assumeRoleCacheKey", () => {
  it("matches the AWS CLI for a profile with only role_arn (no session name in the key)", () => {
    expect(assumeRoleCacheKey({ ...none, roleArn: DEPLOY })).toBe("d42d53ff6e9998d62ec043f628100fe602cf95e6");
  });

  it("matches the AWS CLI with role_session_name", () => {
    expect(assumeRoleCacheKey({ ...none, roleArn: DEPLOY, roleSessionName: "alice" })).toBe(
      "addf746327fc55b1778de11d3cc8b2258859901b",
    );
  });

  it("matches the AWS CLI with every parameter (DurationSeconds as a number, keys sorted)", () => {
    expect(
      assumeRoleCacheKey({
        roleArn: DEPLOY,
        roleSessionName: "alice",
        externalId: "ext-42",
        mfaSerial: "arn:aws:iam::111111111111:mfa/alice",
        durationSeconds: 900,
      }),
    ).toBe("ab5db445169c80dee410e80a5e247f59c2d8abc0");
  });

  it("escapes non-ASCII as Python's json.dumps does", () => {
    expect(assumeRoleCacheKey({ ...none, roleArn: DEPLOY, roleSessionName: "café" })).toBe(
      "b57aa14ea1de33c9f423832083c88ac4a029f01a",
    );
  });
});
