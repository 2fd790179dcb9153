import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import type { FaultRule } from "@sso-kit/emulator";
import { recordingLogger } from "../../../../test/support/recordingLogger.js";
import { roleHop } from "../../../../test/support/credential-provider/roleHop.js";
import { adoptCredentialsProviderError } from "../errors/SsoCredentialsProviderError.js";
import { useEmulator } from "../../../../test/support/credential-provider/testEnvironment.js";
import { isSourceRejected, toStsError } from "./toStsError.js";

beforeAll(() => adoptCredentialsProviderError());

const env = useEmulator();

const SECRET = "SECRETKEY-sts-spec-0123456789";
const SESSION_TOKEN = "SESSIONTOKEN-sts-spec-0123456789";

const hop = roleHop({ roleSessionName: "alice" });

/** What a real AssumeRole call throws when the emulator answers with `fault`. */
const stsFailure = async (fault: Omit<FaultRule, "operation">): Promise<unknown> => {
  env.emu.faults.add({ operation: "AssumeRole", ...fault });
  const client = new STSClient({
    region: "us-east-1",
    endpoint: env.emu.url,
    credentials: { accessKeyId: "ASIASPEC", secretAccessKey: SECRET, sessionToken: SESSION_TOKEN },
    maxAttempts: 2,
  });
  try {
    await client.send(new AssumeRoleCommand({ RoleArn: hop.roleArn, RoleSessionName: "alice" }));
  } catch (error) {
    return error;
  } finally {
    client.destroy();
  }
  throw new Error("expected AssumeRole to fail");
};

it.each([
  ["AccessDenied", "ServiceError", "was denied", false],
  ["ValidationError", "InvalidConfig", "duration_seconds", false],
  // The SDK names this one MalformedPolicyDocumentException (its model's shape), not by its wire code.
  ["MalformedPolicyDocument", "InvalidConfig", "duration_seconds", false],
  ["ExpiredToken", "ServiceUnavailable", "try again", true],
  ["InvalidClientTokenId", "ServiceUnavailable", "try again", true],
  ["Throttling", "ServiceUnavailable", "try again", false],
  ["InternalFailure", "ServiceUnavailable", "try again", false],
])(
  "%s: %s, naming the role and profile; secrets echoed by the service are redacted",
  async (exception, reason, advice, rejected) => {
    const cause = await stsFailure({ exception, message: `key ${SECRET} token ${SESSION_TOKEN}` });
    const log = recordingLogger();
    const error = toStsError(cause, hop, [SECRET, SESSION_TOKEN], log.logger);
    expect(error).toMatchObject({ reason, tryNextLink: false, cause, signInCommand: undefined });
    expect(error.message).toContain("AssumeRole of arn:aws:iam::222222222222:role/Deploy (profile 'prod')");
    expect(error.message).toContain(advice);
    expect(error.message).not.toMatch(/sign in|login/i);
    expect(isSourceRejected(error)).toBe(rejected);
    for (const text of [error.message, error.stack ?? "", ...log.lines]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(SESSION_TOKEN);
    }
  },
);

it("a 500 that persists through the retries says how many attempts were made", async () => {
  const error = toStsError(await stsFailure({ status: 500 }), hop, [SECRET], undefined);
  expect(error).toMatchObject({ reason: "ServiceUnavailable" });
  expect(error.message).toContain("after 2 attempts");
});

it("an unreadable 200 reply is InvalidCredentials, quoting nothing of the reply", async () => {
  const error = toStsError(await stsFailure({ body: "malformed" }), hop, [SECRET], undefined);
  expect(error).toMatchObject({ reason: "InvalidCredentials" });
  expect(error.message).toMatch(
    /^AssumeRole returned an unreadable reply for arn:aws:iam::222222222222:role\/Deploy \(\w+\)\.$/,
  );
});
