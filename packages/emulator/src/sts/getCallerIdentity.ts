import { randomUUID } from "node:crypto";
import type { Reply } from "../http/Reply.js";
import type { RequestContext } from "../http/RequestContext.js";
import { xmlEscape } from "../http/xmlEscape.js";
import { roleIdOf } from "./roleIdOf.js";
import { stsError } from "./stsError.js";
import { verifySigV4 } from "./verifySigV4.js";

/**
 * `POST /` with `Action=GetCallerIdentity` (awsQuery): who signed the request. Only requests signed with
 * credentials the emulator issued (GetRoleCredentials or AssumeRole) are accepted.
 */
export const getCallerIdentity = async (ctx: RequestContext): Promise<Reply> => {
  const form = new URLSearchParams(ctx.body);
  const action = form.get("Action");
  if (action === null || action === "") throw stsError("MissingAction", "Missing Action");
  if (action !== "GetCallerIdentity") {
    throw stsError(
      "InvalidAction",
      `Could not find operation ${action} for version ${form.get("Version") ?? "NO_VERSION_SPECIFIED"}`,
    );
  }
  const credential = await verifySigV4(ctx);
  const { accountId, roleName, userName } = credential;
  const requestId = randomUUID();
  const body =
    '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">\n' +
    "  <GetCallerIdentityResult>\n" +
    `    <Arn>arn:aws:sts::${accountId}:assumed-role/${xmlEscape(roleName)}/${xmlEscape(userName)}</Arn>\n` +
    `    <UserId>${roleIdOf(accountId, roleName)}:${xmlEscape(userName)}</UserId>\n` +
    `    <Account>${accountId}</Account>\n` +
    "  </GetCallerIdentityResult>\n" +
    "  <ResponseMetadata>\n" +
    `    <RequestId>${requestId}</RequestId>\n` +
    "  </ResponseMetadata>\n" +
    "</GetCallerIdentityResponse>\n";
  return { status: 200, headers: { "content-type": "text/xml", "x-amzn-requestid": requestId }, body };
};
