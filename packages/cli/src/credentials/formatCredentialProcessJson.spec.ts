import { formatCredentialProcessJson } from "./formatCredentialProcessJson.js";

describe("formatCredentialProcessJson", () => {
  it("writes the Version 1 document with an ISO 8601 expiry", () => {
    const json = formatCredentialProcessJson({
      accessKeyId: "AKID",
      secretAccessKey: "SECRET",
      sessionToken: "TOKEN",
      expiration: new Date("2030-01-02T03:04:05.678Z"),
      accountId: "111111111111",
    });
    expect(JSON.parse(json)).toEqual({
      Version: 1,
      AccessKeyId: "AKID",
      SecretAccessKey: "SECRET",
      SessionToken: "TOKEN",
      Expiration: "2030-01-02T03:04:05Z",
    });
  });
});
