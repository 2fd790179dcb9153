import { randomUUID } from "node:crypto";
import type { Reply } from "../http/Reply.js";
import type { RequestContext } from "../http/RequestContext.js";
import { xmlEscape } from "../http/xmlEscape.js";
import { issueCredential } from "../state/issueCredential.js";
import { authorizeAssumeRole } from "./authorizeAssumeRole.js";
import { parseAssumeRoleInput } from "./parseAssumeRoleInput.js";
import { roleIdOf } from "./roleIdOf.js";
import { stsError } from "./stsError.js";
import { verifySigV4 } from "./verifySigV4.js";

/** AWS caps a session assumed with another role session's credentials at one hour. */
const ROLE_CHAINING_LIMIT_SECONDS = 3600;

/**
 * `POST /` with `Action=AssumeRole` (awsQuery): credentials of a session of another role. The request must be
 * signed with credentials the emulator issued. Every one of them is itself a role session (GetRoleCredentials
 * gives permission-set role sessions), so every AssumeRole here is role chaining, limited to one hour as in AWS.
 */
export const assumeRole = async (ctx: RequestContext): Promise<Reply> => {
  const caller = await verifySigV4(ctx);
  const input = parseAssumeRoleInput(new URLSearchParams(ctx.body));
  authorizeAssumeRole(ctx.state, caller, input);
  if (input.durationSeconds > ROLE_CHAINING_LIMIT_SECONDS) {
    throw stsError(
      "ValidationError",
      "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.",
    );
  }
  const { accountId, roleName } = input.role;
  // Whole seconds, so that the expiry the client reads is exactly when the emulator stops accepting them.
  const expirationMs = Math.floor(ctx.state.clock.now() / 1000) * 1000 + input.durationSeconds * 1000;
  const credential = issueCredential(ctx.state, {
    accountId,
    roleName,
    roleArn: input.roleArn,
    userName: input.roleSessionName,
    expirationMs,
  });
  const requestId = randomUUID();
  const session = xmlEscape(input.roleSessionName);
  const body =
    '<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">\n' +
    "  <AssumeRoleResult>\n" +
    "    <AssumedRoleUser>\n" +
    `      <AssumedRoleId>${roleIdOf(accountId, roleName)}:${session}</AssumedRoleId>\n` +
    `      <Arn>arn:aws:sts::${accountId}:assumed-role/${xmlEscape(roleName)}/${session}</Arn>\n` +
    "    </AssumedRoleUser>\n" +
    "    <Credentials>\n" +
    `      <AccessKeyId>${credential.accessKeyId}</AccessKeyId>\n` +
    `      <SecretAccessKey>${xmlEscape(credential.secretAccessKey)}</SecretAccessKey>\n` +
    `      <SessionToken>${xmlEscape(credential.sessionToken)}</SessionToken>\n` +
    `      <Expiration>${new Date(expirationMs).toISOString().replace(".000Z", "Z")}</Expiration>\n` +
    "    </Credentials>\n" +
    "  </AssumeRoleResult>\n" +
    "  <ResponseMetadata>\n" +
    `    <RequestId>${requestId}</RequestId>\n` +
    "  </ResponseMetadata>\n" +
    "</AssumeRoleResponse>\n";
  return { status: 200, headers: { "content-type": "text/xml", "x-amzn-requestid": requestId }, body };
};
