import { createServer } from "node:net";

import { CreateTokenCommand, RegisterClientCommand, SSOOIDCClient } from "@aws-sdk/client-sso-oidc";
import { startEmulator, type Emulator, type FaultRule } from "@sso-kit/emulator";

import { LoginError } from "../LoginError.js";
import { toLoginError } from "./toLoginError.js";

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

  it("keeps a LoginError as it is", () => {
    const error = new LoginError("Timeout", "slow");
    expect(toLoginError(error, "x", [])).toBe(error);
  });

  it("names the service's exception and its description", async () => {
    emu.faults.add({
      operation: "RegisterClient",
      exception: "InvalidClientMetadataException",
      message: "bad name",
    });
    const error = toLoginError(await failure(client()), "RegisterClient", []);
    expect(error).toMatchObject({
      code: "ServiceError",
      message:
        "IAM Identity Center refused RegisterClient (InvalidClientMetadataException: bad name); check sso_start_url and sso_region, then start the login again",
    });
    expect((error.cause as Error).name).toBe("InvalidClientMetadataException");
  });

  it("reports a server error after the SDK's retries", async () => {
    emu.faults.add({ operation: "RegisterClient", status: 500 });
    const error = toLoginError(await failure(client()), "RegisterClient", []);
    expect(error.code).toBe("ServiceError");
    expect(error.message).toMatch(/^IAM Identity Center refused RegisterClient \(/);
  });

  it("says the service could not be reached on a network failure", async () => {
    const unreachable = new SSOOIDCClient({
      region: "us-east-1",
      endpoint: `http://127.0.0.1:${await closedPort()}`,
      maxAttempts: 1,
    });
    const error = toLoginError(await failure(unreachable), "RegisterClient", []);
    expect(error.code).toBe("ServiceError");
    expect(error.message).toMatch(
      /^the RegisterClient request to IAM Identity Center failed \(connect ECONNREFUSED 127\.0\.0\.1:\d+\); check the network and the SSO-OIDC endpoint, then start the login again$/,
    );
  });

  it("turns an aborted request into Aborted", async () => {
    emu.faults.add({ operation: "RegisterClient", delayMs: 5_000 });
    const controller = new AbortController();
    const pending = failure(client(), controller.signal);
    setTimeout(() => controller.abort(), 50);
    expect(toLoginError(await pending, "RegisterClient", [])).toMatchObject({ code: "Aborted" });
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
        const error = toLoginError(cause, "CreateToken", all);
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
      const error = toLoginError(await createTokenFailure({ reset: true }), "CreateToken", all);
      expect(error).toMatchObject({
        code: "ServiceError",
        message:
          "the CreateToken request to IAM Identity Center failed (the connection was reset); check the network and the SSO-OIDC endpoint, then start the login again",
      });
    });

    it("says that the reply was cut off", async () => {
      const error = toLoginError(await createTokenFailure({ body: "truncated" }), "CreateToken", all);
      expect(error).toMatchObject({
        code: "ServiceError",
        message:
          "the CreateToken request to IAM Identity Center failed (the reply was cut off before it was complete); check the network and the SSO-OIDC endpoint, then start the login again",
      });
    });

    it("reports an unparseable reply as InvalidResponse, without quoting it", async () => {
      const error = toLoginError(await createTokenFailure({ body: "malformed" }), "CreateToken", all);
      expect(error).toMatchObject({
        code: "InvalidResponse",
        message:
          "IAM Identity Center's CreateToken reply could not be read (SyntaxError: not valid JSON); start the login again",
      });
    });
  });
});
