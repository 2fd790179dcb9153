import { jsonReply, type Reply } from "../http/Reply.js";
import type { RequestContext } from "../http/RequestContext.js";
import { issueCredential } from "../state/issueCredential.js";
import { roleArnOf } from "../sts/parseRoleArn.js";
import { authenticateBearer } from "./authenticateBearer.js";
import { requiredQuery } from "./requiredQuery.js";
import { ssoError } from "./ssoError.js";

/**
 * `GET /federation/credentials`: short-term credentials for a role the user has in an account. The emulator keeps
 * them so that STS can verify signatures made with them.
 */
export const getRoleCredentials = (ctx: RequestContext): Reply => {
  authenticateBearer(ctx);
  const roleName = requiredQuery(ctx, "role_name", "roleName");
  const accountId = requiredQuery(ctx, "account_id", "accountId");
  const { state } = ctx;
  const account = state.options.accounts.find((entry) => entry.accountId === accountId);
  if (account === undefined || !account.roles.includes(roleName)) {
    throw ssoError("ResourceNotFoundException", "No access to the requested role in the requested account.");
  }
  const credential = issueCredential(state, {
    accountId,
    roleName,
    roleArn: roleArnOf(accountId, roleName),
    userName: state.options.userName,
    expirationMs: state.clock.now() + state.options.roleCredentialsTtlSeconds * 1000,
  });
  return jsonReply({
    roleCredentials: {
      accessKeyId: credential.accessKeyId,
      secretAccessKey: credential.secretAccessKey,
      sessionToken: credential.sessionToken,
      expiration: credential.expirationMs,
    },
  });
};
