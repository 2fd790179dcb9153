import type { RequestContext } from "../http/RequestContext.js";
import { decodePageToken, encodePageToken } from "./pageToken.js";
import { ssoError } from "./ssoError.js";

/** The largest `max_result` the portal accepts. */
const MAX_RESULTS_LIMIT = 100;

/**
 * One page of `items` per the request's `next_token` and `max_result` (default: the emulator's page size), and
 * the token of the next page when there is one.
 */
export const paginate = <T>(
  ctx: RequestContext,
  listing: string,
  items: readonly T[],
): { page: T[]; nextToken?: string } => {
  const rawMax = ctx.query.get("max_result");
  let size = ctx.state.options.pageSize;
  if (rawMax !== null) {
    if (!/^\d+$/.test(rawMax) || Number(rawMax) < 1 || Number(rawMax) > MAX_RESULTS_LIMIT) {
      throw ssoError(
        "InvalidRequestException",
        `maxResults must be an integer from 1 to ${MAX_RESULTS_LIMIT}.`,
      );
    }
    size = Number(rawMax);
  }
  const rawToken = ctx.query.get("next_token");
  const offset =
    rawToken === null || rawToken === "" ? 0 : decodePageToken(ctx.state.pageTokenKey, listing, rawToken);
  const page = items.slice(offset, offset + size);
  const next = offset + size;
  return next < items.length
    ? { page, nextToken: encodePageToken(ctx.state.pageTokenKey, listing, next) }
    : { page };
};
