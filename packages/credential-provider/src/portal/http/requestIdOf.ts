import type { PortalReply } from "./PortalReply.js";

/** The request id of a reply, from the headers the SDK reads it from (`$metadata.requestId`). */
export const requestIdOf = (headers: PortalReply["headers"]): string | undefined => {
  const id = headers["x-amzn-requestid"] ?? headers["x-amzn-request-id"] ?? headers["x-amz-request-id"];
  return typeof id === "string" ? id : undefined;
};
