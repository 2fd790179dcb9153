import { parseAmzDate } from "./parseAmzDate.js";
import { parseAuthorizationHeader } from "./parseAuthorizationHeader.js";

describe("parseAuthorizationHeader", () => {
  it("reads the credential scope, signed headers and signature", () => {
    const signature = "a".repeat(64);
    expect(
      parseAuthorizationHeader(
        `AWS4-HMAC-SHA256 Credential=ASIAX/20260101/us-east-1/sts/aws4_request, SignedHeaders=host;x-amz-date, Signature=${signature}`,
      ),
    ).toEqual({
      accessKeyId: "ASIAX",
      date: "20260101",
      region: "us-east-1",
      service: "sts",
      signedHeaders: ["host", "x-amz-date"],
      signature,
    });
  });

  it.each([
    "Bearer x",
    "AWS4-HMAC-SHA256 Credential=a/b/c/d/aws4_request, SignedHeaders=host, Signature=zz",
    "",
  ])("rejects %j", (header) => expect(parseAuthorizationHeader(header)).toBeUndefined());
});

describe("parseAmzDate", () => {
  it("parses YYYYMMDDTHHMMSSZ as UTC and rejects anything else", () => {
    expect(parseAmzDate("20260102T030405Z")?.toISOString()).toBe("2026-01-02T03:04:05.000Z");
    expect(parseAmzDate("20260230T000000Z")).toBeUndefined();
    expect(parseAmzDate("2026-01-02T03:04:05Z")).toBeUndefined();
  });
});
