import { jsonReply, type Reply } from "../http/Reply.js";
import type { RequestContext } from "../http/RequestContext.js";
import { authenticateBearer } from "./authenticateBearer.js";
import { paginate } from "./paginate.js";

/** `GET /assignment/accounts`: the accounts of the directory, paginated. */
export const listAccounts = (ctx: RequestContext): Reply => {
  authenticateBearer(ctx);
  const accounts = ctx.state.options.accounts.map(({ accountId, accountName, emailAddress }) => ({
    accountId,
    accountName,
    emailAddress,
  }));
  const { page, nextToken } = paginate(ctx, "accounts", accounts);
  return jsonReply({ ...(nextToken === undefined ? {} : { nextToken }), accountList: page });
};
