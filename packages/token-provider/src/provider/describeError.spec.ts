import { CreateTokenCommand, RegisterClientCommand, SSOOIDCClient } from "@aws-sdk/client-sso-oidc";
import { startEmulator, type Emulator, type FaultRule } from "@sso-kit/emulator";
import { describeError } from "./describeError.js";

describe("describeError", () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator();
  });
  afterAll(async () => {
    await emu?.stop();
  });
  beforeEach(() => emu.reset());

  const clientSecret = "client-secret-3b1c9e";
  const refreshToken = "refresh-token-77ab20";

  /** What a real CreateToken call throws when the emulator answers with `fault`. */
  const createTokenFailure = async (fault: Omit<FaultRule, "operation">): Promise<unknown> => {
    emu.faults.add({ operation: "CreateToken", ...fault });
    const client = new SSOOIDCClient({ region: emu.region, endpoint: emu.url, maxAttempts: 1 });
    try {
      await client.send(
        new CreateTokenCommand({ clientId: "c", clientSecret, grantType: "refresh_token", refreshToken }),
      );
    } catch (error) {
      return error;
    } finally {
      client.destroy();
    }
    throw new Error("expected CreateToken to fail");
  };

  it("names a service exception and redacts the secrets it echoes", async () => {
    const error = await createTokenFailure({
      exception: "InvalidGrantException",
      message: `refresh token ${refreshToken} of client secret ${clientSecret} is revoked`,
    });
    expect(describeError(error, [refreshToken, clientSecret])).toBe(
      "InvalidGrantException: refresh token [redacted] of client secret [redacted] is revoked",
    );
  });

  it("says that the connection was reset", async () => {
    expect(describeError(await createTokenFailure({ reset: true }), [])).toBe("the connection was reset");
  });

  it("says that the reply was cut off", async () => {
    expect(describeError(await createTokenFailure({ body: "truncated" }), [])).toBe(
      "the reply was cut off before it was complete",
    );
  });

  it("does not repeat a SyntaxError's message, which quotes the text it could not parse", async () => {
    expect(describeError(await createTokenFailure({ body: "malformed" }), [])).toBe(
      "SyntaxError: not valid JSON",
    );
    let parseError: unknown;
    try {
      JSON.parse('x{"accessToken":"unknown-secret"}');
    } catch (error) {
      parseError = error;
    }
    expect(describeError(parseError, [])).not.toContain("unknown-secret");
  });

  it("keeps a network failure's own words, in one line", async () => {
    const client = new SSOOIDCClient({ region: "us-east-1", endpoint: "http://127.0.0.1:1", maxAttempts: 1 });
    const error = await client
      .send(new RegisterClientCommand({ clientName: "x", clientType: "public" }))
      .catch((e: unknown) => e)
      .finally(() => client.destroy());
    expect(describeError(error, [])).toMatch(/ECONNREFUSED/);
  });

  it("unwraps the SDK's wrapper of a value that was not an Error of its realm", () => {
    const wrapped = new Error(
      "AWS SDK error wrapper for TimeoutError: socket hang up\n  Deserialization error: to see the raw " +
        "response, inspect the hidden field {error}.$response on this object.",
    );
    expect(describeError(wrapped, [])).toBe("the connection was reset");
    expect(describeError(new Error("AWS SDK error wrapper for FooError: it broke"), [])).toBe(
      "FooError: it broke",
    );
  });

  it("describes error-shaped values of another realm and plain values, redacted and in one line", () => {
    expect(
      describeError({ name: "TypeError", message: "bad\n  value secret-123456" }, ["secret-123456"]),
    ).toBe("TypeError: bad value [redacted]");
    expect(describeError(new Error(""), [])).toBe("(no message)");
    expect(describeError("thrown text with secret-123456", ["secret-123456"])).toBe(
      "thrown text with [redacted]",
    );
  });
});
