import { createHash, randomUUID } from "node:crypto";
import type { Reply } from "../http/Reply.js";
import type { RequestContext } from "../http/RequestContext.js";
import { xmlEscape } from "../http/xmlEscape.js";
import { stsError } from "./stsError.js";
import { verifySigV4 } from "./verifySigV4.js";

const ROLE_ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/**
 * `POST /` with `Action=GetCallerIdentity` (awsQuery): who signed the request. Only requests signed with
 * credentials the emulator issued are accepted.
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

/** A stable role id (`AROA` + 17 characters) derived from the account and role. */
const roleIdOf = (accountId: string, roleName: string): string => {
  const digest = createHash("sha256").update(`${accountId}/${roleName}`).digest();
  let id = "AROA";
  for (let i = 0; i < 17; i += 1) id += ROLE_ID_ALPHABET[(digest[i] ?? 0) % ROLE_ID_ALPHABET.length];
  return id;
};
