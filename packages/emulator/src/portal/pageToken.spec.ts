import { randomBytes } from "node:crypto";
import { ServiceError } from "../http/ServiceError.js";
import { decodePageToken, encodePageToken } from "./pageToken.js";

describe("page tokens", () => {
  const key = randomBytes(32);

  it("round-trip the offset for the same listing", () => {
    expect(decodePageToken(key, "accounts", encodePageToken(key, "accounts", 4))).toBe(4);
  });

  it.each([
    ["another listing", encodePageToken(key, "roles:1", 4), "accounts"],
    ["another key", encodePageToken(randomBytes(32), "accounts", 4), "accounts"],
    ["garbage", "garbage", "accounts"],
    ["a forged payload", `${Buffer.from('{"l":"accounts","o":0}').toString("base64url")}.AAAA`, "accounts"],
  ])("reject a token from %s with InvalidRequestException", (_what, token, listing) => {
    expect(() => decodePageToken(key, listing, token)).toThrow(ServiceError);
    try {
      decodePageToken(key, listing, token);
    } catch (error) {
      expect(error).toMatchObject({ service: "sso", code: "InvalidRequestException", status: 400 });
    }
  });
});
