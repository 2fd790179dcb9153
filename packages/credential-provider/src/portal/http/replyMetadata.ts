import type { PortalReply } from "./PortalReply.js";
import { requestIdOf } from "./requestIdOf.js";

/** What every error of a reply carries, as the SDK's `$metadata`. */
export interface ReplyMetadata {
  httpStatusCode: number | undefined;
  requestId?: string;
}

/** The `$metadata` of an error that arrived with (or after) a reply's status line. */
export const replyMetadata = (status: number | undefined, headers: PortalReply["headers"]): ReplyMetadata => {
  const requestId = requestIdOf(headers);
  return { httpStatusCode: status, ...(requestId !== undefined && { requestId }) };
};
