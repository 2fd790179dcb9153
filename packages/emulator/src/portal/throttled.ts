import type { Reply } from "../http/Reply.js";
import type { RequestContext } from "../http/RequestContext.js";
import { ssoError } from "./ssoError.js";

/**
 * A portal handler behind the portal's rate limit (the `portalRateLimit` option): a request that finds the bucket
 * empty gets `TooManyRequestsException` (429) before anything else is checked, as a throttled service answers.
 */
export const throttled =
  (handle: (ctx: RequestContext) => Reply) =>
  (ctx: RequestContext): Reply => {
    if (ctx.state.portalBucket?.take() === false) {
      throw ssoError("TooManyRequestsException", "Rate exceeded");
    }
    return handle(ctx);
  };
