import { jsonReply, type Reply } from "../http/Reply.js";
import type { RequestContext } from "../http/RequestContext.js";
import { authenticateBearer } from "./authenticateBearer.js";
import { paginate } from "./paginate.js";
import { requiredQuery } from "./requiredQuery.js";
import { ssoError } from "./ssoError.js";

/** `GET /assignment/roles`: the roles the user has in one account, paginated. */
export const listAccountRoles = (ctx: RequestContext): Reply => {
  authenticateBearer(ctx);
  const accountId = requiredQuery(ctx, "account_id", "accountId");
  const account = ctx.state.options.accounts.find((entry) => entry.accountId === accountId);
  if (account === undefined)
    throw ssoError("ResourceNotFoundException", "No access to the requested account.");
  const roles = account.roles.map((roleName) => ({ roleName, accountId }));
  const { page, nextToken } = paginate(ctx, `roles:${accountId}`, roles);
  return jsonReply({ ...(nextToken === undefined ? {} : { nextToken }), roleList: page });
};
