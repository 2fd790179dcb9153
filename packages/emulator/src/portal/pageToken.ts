import { createHmac, timingSafeEqual } from "node:crypto";
import { ssoError } from "./ssoError.js";

/**
 * Pagination tokens: the offset of the next page and what is being listed, authenticated with the emulator's key
 * so that they are opaque to clients and a forged, altered or foreign token is rejected.
 */
export const encodePageToken = (key: Buffer, listing: string, offset: number): string => {
  const payload = Buffer.from(JSON.stringify({ l: listing, o: offset })).toString("base64url");
  return `${payload}.${mac(key, payload)}`;
};

/** The offset inside a token from {@link encodePageToken}; InvalidRequestException for any other string. */
export const decodePageToken = (key: Buffer, listing: string, token: string): number => {
  const [payload, signature, extra] = token.split(".");
  if (payload !== undefined && signature !== undefined && extra === undefined) {
    const expected = Buffer.from(mac(key, payload));
    const given = Buffer.from(signature);
    if (expected.length === given.length && timingSafeEqual(expected, given)) {
      const decoded: unknown = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
      if (typeof decoded === "object" && decoded !== null) {
        const { l, o } = decoded as Record<string, unknown>;
        if (l === listing && typeof o === "number" && Number.isInteger(o) && o >= 0) return o;
      }
    }
  }
  throw ssoError("InvalidRequestException", "Invalid nextToken provided.");
};

const mac = (key: Buffer, payload: string): string =>
  createHmac("sha256", key).update(payload).digest("base64url");
