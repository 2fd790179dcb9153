import { createServer } from "node:net";

import { RegisterClientCommand, SSOOIDCClient } from "@aws-sdk/client-sso-oidc";
import { startEmulator, type Emulator } from "@sso-kit/emulator";

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
    expect(toLoginError(error, "x")).toBe(error);
  });

  it("names the service's exception and its description", async () => {
    emu.faults.add({
      operation: "RegisterClient",
      exception: "InvalidClientMetadataException",
      message: "bad name",
    });
    const error = toLoginError(await failure(client()), "RegisterClient");
    expect(error).toMatchObject({
      code: "ServiceError",
      message:
        "IAM Identity Center refused RegisterClient (InvalidClientMetadataException: bad name); check sso_start_url and sso_region, then start the login again",
    });
    expect((error.cause as Error).name).toBe("InvalidClientMetadataException");
  });

  it("reports a server error after the SDK's retries", async () => {
    emu.faults.add({ operation: "RegisterClient", status: 500 });
    const error = toLoginError(await failure(client()), "RegisterClient");
    expect(error.code).toBe("ServiceError");
    expect(error.message).toMatch(/^IAM Identity Center refused RegisterClient \(/);
  });

  it("says the service could not be reached on a network failure", async () => {
    const unreachable = new SSOOIDCClient({
      region: "us-east-1",
      endpoint: `http://127.0.0.1:${await closedPort()}`,
      maxAttempts: 1,
    });
    const error = toLoginError(await failure(unreachable), "RegisterClient");
    expect(error).toMatchObject({
      code: "ServiceError",
      message:
        "could not reach IAM Identity Center for RegisterClient (ECONNREFUSED); check the network and the SSO-OIDC endpoint, then start the login again",
    });
  });

  it("turns an aborted request into Aborted", async () => {
    emu.faults.add({ operation: "RegisterClient", delayMs: 5_000 });
    const controller = new AbortController();
    const pending = failure(client(), controller.signal);
    setTimeout(() => controller.abort(), 50);
    expect(toLoginError(await pending, "RegisterClient")).toMatchObject({ code: "Aborted" });
  });
});
