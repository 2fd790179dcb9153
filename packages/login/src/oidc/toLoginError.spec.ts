import { createServer } from "node:net";

import { CreateTokenCommand, RegisterClientCommand, SSOOIDCClient } from "@aws-sdk/client-sso-oidc";
import { startEmulator, type Emulator, type FaultRule } from "@sso-kit/emulator";

import { LoginError } from "../LoginError.js";
import { toLoginError } from "./toLoginError.js";
import { TERMINAL_CONTROLS } from "../../../../test/support/terminalControls.js";

/** A port nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function failure(client: SSOOIDCClient, signal?: AbortSignal): Promise<unknown> {
  try {
    await client.send(new RegisterClientCommand({ clientName: "x", clientType: "public" }), {
      abortSignal: signal,
    });
  } catch (error) {
    return error;
  } finally {
    client.destroy();
  }
  throw new Error("expected a failure");
}

describe("toLoginError", () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator();
  });
  afterAll(async () => {
    await emu.stop();
  });
  afterEach(() => emu.faults.clear());

  const client = () => new SSOOIDCClient({ region: "us-east-1", endpoint: emu.url, maxAttempts: 1 });

  it("keeps a LoginError as it is", async () => {
    const error = new LoginError("Timeout", "slow");
    expect(await toLoginError(error, "x", [])).toBe(error);
  });

  it("names the service's exception and its description", async () => {
    emu.faults.add({
      operation: "RegisterClient",
      exception: "InvalidClientMetadataException",
      message: "bad name",
    });
    const error = await toLoginError(await failure(client()), "RegisterClient", []);
    expect(error).toMatchObject({
      code: "ServiceError",
      message:
        "IAM Identity Center refused RegisterClient (HTTP 400: InvalidClientMetadataException: bad name); check sso_start_url and sso_region, then start the login again",
    });
    expect((error.cause as Error).name).toBe("InvalidClientMetadataException");
  });

  it("reports a server error after the SDK's retries", async () => {
    emu.faults.add({ operation: "RegisterClient", status: 500 });
    const error = await toLoginError(await failure(client()), "RegisterClient", []);
    expect(error.code).toBe("ServiceError");
    expect(error.message).toBe(
      "IAM Identity Center failed RegisterClient (HTTP 500: InternalServerException: Injected HTTP 500); the service failed or could not be reached: try the login again",
    );
  });

  it("says the service could not be reached on a network failure", async () => {
    const unreachable = new SSOOIDCClient({
      region: "us-east-1",
      endpoint: `http://127.0.0.1:${await closedPort()}`,
      maxAttempts: 1,
    });
    const error = await toLoginError(await failure(unreachable), "RegisterClient", []);
    expect(error.code).toBe("ServiceError");
    expect(error.message).toMatch(
      /^IAM Identity Center failed RegisterClient \(no complete reply: connect ECONNREFUSED 127\.0\.0\.1:\d+\); the service failed or could not be reached: try the login again$/,
    );
  });

  it("names the endpoint URL, without its password, when a redirect or an HTML page answers", async () => {
    const secretUrl = emu.url.replace("http://", "http://user:hunter2pass@");
    const oidc = new SSOOIDCClient({ region: "us-east-1", endpoint: secretUrl, maxAttempts: 1 });
    emu.faults.add({
      operation: "RegisterClient",
      times: 1,
      response: { status: 302, headers: { location: "https://login.example/" }, body: "" },
    });
    const redirected = await toLoginError(await failure(oidc), "RegisterClient", [], oidc);
    expect(redirected).toMatchObject({
      code: "InvalidConfig",
      message: `the SSO-OIDC endpoint ${emu.url} answered RegisterClient with a redirect (HTTP 302): it is not the IAM Identity Center API; check sso_region and the endpoint settings (AWS_ENDPOINT_URL_SSO_OIDC, AWS_ENDPOINT_URL, endpoint_url), then start the login again`,
    });
    emu.faults.add({
      operation: "RegisterClient",
      response: { status: 200, headers: { "content-type": "text/html" }, body: "<html>sign in</html>" },
    });
    const html = await toLoginError(await failure(client()), "RegisterClient", [], client());
    expect(html.message).toMatch(
      /^the SSO-OIDC endpoint http:\/\/127\.0\.0\.1:\d+ answered RegisterClient with an HTML page \(HTTP 200\)/,
    );
  });

  it("escapes control characters a service puts in its message", async () => {
    emu.faults.add({
      operation: "RegisterClient",
      exception: "InvalidClientMetadataException",
      message: "bad\u001b]0;owned\u0007\u001b[2J\r\nsso-kit: signed in OK",
    });
    const error = await toLoginError(await failure(client()), "RegisterClient", []);
    expect(error.message).not.toMatch(TERMINAL_CONTROLS);
    expect(error.message).toContain("bad\\x1b]0;owned\\x07\\x1b[2J sso-kit: signed in OK");
  });

  it("turns an aborted request into Aborted", async () => {
    emu.faults.add({ operation: "RegisterClient", delayMs: 5_000 });
    const controller = new AbortController();
    const pending = failure(client(), controller.signal);
    setTimeout(() => controller.abort(), 50);
    expect(await toLoginError(await pending, "RegisterClient", [])).toMatchObject({ code: "Aborted" });
  });
  describe("a CreateToken call", () => {
    const secrets = {
      clientSecret: "client-secret-5d7e21aa",
      deviceCode: "device-code-90c1f3b2",
      code: "authorization-code-4a8e",
      codeVerifier: "code-verifier-61b0d9c7e2",
    };
    const all = Object.values(secrets);

    /** What a real CreateToken call (sending every secret) throws when the emulator answers with `fault`. */
    async function createTokenFailure(fault: Omit<FaultRule, "operation">): Promise<unknown> {
      emu.faults.add({ operation: "CreateToken", ...fault });
      const oidc = client();
      try {
        await oidc.send(
          new CreateTokenCommand({
            clientId: "client",
            clientSecret: secrets.clientSecret,
            grantType: "authorization_code",
            code: secrets.code,
            codeVerifier: secrets.codeVerifier,
            deviceCode: secrets.deviceCode,
            redirectUri: "http://127.0.0.1:1/oauth/callback",
          }),
        );
      } catch (error) {
        return error;
      } finally {
        oidc.destroy();
      }
      throw new Error("expected a failure");
    }

    it.each(["InvalidClientException", "AccessDeniedException", "InvalidGrantException"])(
      "%s echoing the request's secrets: none of them reaches the message",
      async (exception) => {
        const cause = await createTokenFailure({
          exception,
          message: `client secret ${secrets.clientSecret}, device code ${secrets.deviceCode}, code ${secrets.code} and verifier ${secrets.codeVerifier} are wrong`,
        });
        expect((cause as Error).message).toContain(secrets.clientSecret);
        const error = await toLoginError(cause, "CreateToken", all);
        expect(error.cause).toBe(cause);
        expect(error.message).toContain(
          `${exception}: client secret [redacted], device code [redacted], code [redacted] and verifier [redacted] are wrong`,
        );
        for (const secret of all) {
          expect(error.message).not.toContain(secret);
          expect(error.stack).not.toContain(secret);
        }
      },
    );

    it("says that the connection was reset", async () => {
      const error = await toLoginError(await createTokenFailure({ reset: true }), "CreateToken", all);
      expect(error).toMatchObject({
        code: "ServiceError",
        message:
          "IAM Identity Center failed CreateToken (no complete reply: the connection was reset); the service failed or could not be reached: try the login again",
      });
    });

    it("says that the reply was cut off", async () => {
      const error = await toLoginError(await createTokenFailure({ body: "truncated" }), "CreateToken", all);
      expect({ code: error.code, message: error.message }).toEqual({
        code: "ServiceError",
        message:
          "IAM Identity Center failed CreateToken (no complete reply: the reply was cut off before it was complete); the service failed or could not be reached: try the login again",
      });
    });

    it("reports an unparseable reply as InvalidResponse, without quoting it", async () => {
      const error = await toLoginError(await createTokenFailure({ body: "malformed" }), "CreateToken", all);
      expect(error).toMatchObject({
        code: "InvalidResponse",
        message:
          "IAM Identity Center's CreateToken reply (HTTP 200) could not be read (SyntaxError: not valid JSON); the service failed: try the login again",
      });
    });
  });
});
