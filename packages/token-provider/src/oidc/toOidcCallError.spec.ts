import { CreateTokenCommand, SSOOIDCClient } from "@aws-sdk/client-sso-oidc";
import { startEmulator, type Emulator, type FaultRule } from "@sso-kit/emulator";
import { toOidcCallError } from "./toOidcCallError.js";

describe("toOidcCallError", () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator();
  });
  afterAll(async () => {
    await emu?.stop();
  });
  beforeEach(() => emu.reset());

  const refreshToken = "refresh-token-5d1e77";
  const url = () => `${emu.url}/token`;

  /** What a real CreateToken call throws when the emulator answers with `fault`, classified. */
  const classify = async (fault: Omit<FaultRule, "operation">) => {
    emu.faults.add({ operation: "CreateToken", ...fault });
    const client = new SSOOIDCClient({ region: emu.region, endpoint: emu.url, maxAttempts: 1 });
    try {
      await client.send(
        new CreateTokenCommand({
          clientId: "c",
          clientSecret: "s",
          grantType: "refresh_token",
          refreshToken,
        }),
      );
    } catch (error) {
      return toOidcCallError(error, { operation: "CreateToken", url: url(), secrets: [refreshToken] });
    } finally {
      client.destroy();
    }
    throw new Error("expected CreateToken to fail");
  };

  it("a rejected grant ends the session, naming the status and the exception, redacted", async () => {
    const error = await classify({
      exception: "InvalidGrantException",
      message: `token ${refreshToken} revoked`,
    });
    expect(error).toMatchObject({ reason: "SessionEnded", status: 400, exception: "InvalidGrantException" });
    expect(error.message).toBe(
      "SSO-OIDC CreateToken rejected the request (HTTP 400, InvalidGrantException: token [redacted] revoked)",
    );
  });

  it.each([
    [{ status: 500 }, "SSO-OIDC CreateToken answered HTTP 500 (InternalServerException: Injected HTTP 500)"],
    [{ exception: "SlowDownException" }, "SSO-OIDC CreateToken is throttling requests (HTTP 400,"],
    [{ exception: "AuthorizationPendingException" }, "SSO-OIDC CreateToken failed (HTTP 400,"],
    [
      { body: "malformed" as const },
      "SSO-OIDC CreateToken answered HTTP 200 with a reply that cannot be read",
    ],
  ])("%j is the service failing", async (fault, words) => {
    const error = await classify(fault);
    expect(error.reason).toBe("ServiceUnavailable");
    expect(error.message.startsWith(words)).toBe(true);
  });

  it.each([
    [
      { response: { status: 307, headers: { location: "https://idp.example.com/a?secret=1#x" }, body: "" } },
      `SSO-OIDC CreateToken at ${"URL"} answered HTTP 307, a redirect to https://idp.example.com/a: SSO-OIDC never redirects, so that endpoint is not SSO-OIDC`,
    ],
    [
      {
        response: {
          status: 403,
          headers: { "content-type": "text/html; charset=utf-8" },
          body: "<h1>no</h1>",
        },
      },
      `SSO-OIDC CreateToken at ${"URL"} answered HTTP 403 with an HTML page instead of SSO-OIDC's JSON, so that endpoint is not SSO-OIDC`,
    ],
    [
      { response: { status: 404, body: { message: "no route" } } },
      `SSO-OIDC CreateToken at ${"URL"} answered HTTP 404 (`,
    ],
  ])("%j is a misconfigured endpoint, named by URL", async (fault, words) => {
    const error = await classify(fault);
    expect(error.reason).toBe("Misconfigured");
    expect(error.message.startsWith(words.replace("URL", url()))).toBe(true);
  });

  it("a value that is not an error, or a deadline of its own, is the service failing", () => {
    expect(toOidcCallError("boom", { operation: "CreateToken", secrets: [] })).toMatchObject({
      reason: "ServiceUnavailable",
      message: "SSO-OIDC CreateToken failed: boom",
    });
    const aborted = Object.assign(new Error("Request aborted"), { name: "AbortError" });
    expect(
      toOidcCallError(aborted, { operation: "CreateToken", secrets: [], timedOutAfterMs: 15_000 }).message,
    ).toBe("SSO-OIDC CreateToken did not answer within 15 s (AbortError: Request aborted)");
  });
});
