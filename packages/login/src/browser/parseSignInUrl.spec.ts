import { parseSignInUrl } from "./parseSignInUrl.js";

describe("parseSignInUrl", () => {
  it("accepts https URLs and http on this machine", () => {
    expect(parseSignInUrl("https://device.sso.eu-west-1.amazonaws.com/")).toBe(
      "https://device.sso.eu-west-1.amazonaws.com/",
    );
    expect(parseSignInUrl("http://127.0.0.1:4567/device?user_code=ABCD-EFGH")).toBe(
      "http://127.0.0.1:4567/device?user_code=ABCD-EFGH",
    );
    expect(parseSignInUrl("http://localhost:1/x")).toBe("http://localhost:1/x");
  });

  it("refuses other schemes, plain http elsewhere and what is not a URL", () => {
    for (const text of [
      "http://sso.example.com/",
      "javascript:alert(1)",
      "file:///etc/passwd",
      "/device",
      "",
    ]) {
      expect(parseSignInUrl(text)).toBeUndefined();
    }
  });

  it("refuses a URL with control characters, even those the URL parser would drop", () => {
    for (const text of [
      "https://sso.example.com/\u001b]0;owned\u0007",
      "https://sso.example.com/\r\nsso-kit: signed in OK",
      "https://sso.example.com/\u009b2J",
    ]) {
      expect(parseSignInUrl(text)).toBeUndefined();
    }
  });

  it("removes a user name and password", () => {
    expect(parseSignInUrl("https://user:pass@sso.example.com/start")).toBe("https://sso.example.com/start");
  });
});
