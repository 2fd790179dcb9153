import { isLoopbackRedirectUri, redirectUriMatchesRegistration } from "./isLoopbackRedirectUri.js";

describe("isLoopbackRedirectUri", () => {
  it.each([
    "http://127.0.0.1/oauth/callback",
    "http://127.0.0.1:4321/cb",
    "http://localhost:1/x",
    "http://[::1]:8080/",
  ])("accepts %s", (uri) => expect(isLoopbackRedirectUri(uri)).toBe(true));

  it.each([
    "https://127.0.0.1/oauth/callback",
    "http://127.0.0.2/oauth/callback",
    "http://example.com/oauth/callback",
    "http://user:pw@127.0.0.1/oauth/callback",
    "http://127.0.0.1/oauth/callback#frag",
    "http://127.0.0.1.evil.example/oauth/callback",
    "not a url",
  ])("rejects %s", (uri) => expect(isLoopbackRedirectUri(uri)).toBe(false));
});

describe("redirectUriMatchesRegistration", () => {
  it("ignores the port and compares host and path with the registered URIs", () => {
    const registered = ["http://127.0.0.1/oauth/callback"];
    expect(redirectUriMatchesRegistration("http://127.0.0.1:5555/oauth/callback", registered)).toBe(true);
    expect(redirectUriMatchesRegistration("http://127.0.0.1:5555/oauth/callback?x=1", registered)).toBe(true);
    expect(redirectUriMatchesRegistration("http://127.0.0.1:5555/other", registered)).toBe(false);
    expect(redirectUriMatchesRegistration("http://localhost:5555/oauth/callback", registered)).toBe(false);
  });

  it("allows /oauth/callback when the client registered no redirect URI", () => {
    expect(redirectUriMatchesRegistration("http://127.0.0.1:1/oauth/callback", [])).toBe(true);
    expect(redirectUriMatchesRegistration("http://127.0.0.1:1/elsewhere", [])).toBe(false);
  });
});
