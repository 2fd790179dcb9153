import {
  GetRoleCredentialsCommand,
  ListAccountsCommand,
  SSOServiceException,
  TooManyRequestsException,
} from "@aws-sdk/client-sso";
import {
  CreateTokenCommand,
  InternalServerException,
  InvalidGrantException,
  RegisterClientCommand,
  SlowDownException,
  SSOOIDCServiceException,
} from "@aws-sdk/client-sso-oidc";
import { GetCallerIdentityCommand, STSServiceException } from "@aws-sdk/client-sts";
import { caught } from "../../../../test/support/emulator/caught.js";
import { oidcClient, ssoClient, stsClient } from "../../../../test/support/emulator/clients.js";
import type { Emulator } from "../Emulator.js";
import { startEmulator } from "../startEmulator.js";

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.stop());
afterEach(() => emu.reset());

const register = () =>
  oidcClient(emu).send(new RegisterClientCommand({ clientName: "f", clientType: "public" }));
const listAccounts = (accessToken: string) => ssoClient(emu).send(new ListAccountsCommand({ accessToken }));

describe("fault injection", () => {
  it("a 500 on every request makes the client retry 3 times and fail with InternalServerException", async () => {
    emu.faults.add({ operation: "RegisterClient", status: 500 });
    const e = await caught(register());
    expect(e).toBeInstanceOf(InternalServerException);
    expect(e).toMatchObject({ error: "server_error", $metadata: { httpStatusCode: 500, attempts: 3 } });
    expect(emu.stats().RegisterClient).toBe(3);
  });

  it("a 503 twice, then the real reply: the client succeeds on its third attempt", async () => {
    emu.faults.add({ operation: "RegisterClient", status: 503, times: 2 });
    const out = await register();
    expect(out.$metadata.attempts).toBe(3);
    expect(emu.requestLog().map((entry) => entry.status)).toEqual([503, 503, 200]);
  });

  it("429 on the portal is a retried TooManyRequestsException", async () => {
    const { accessToken } = emu.seedToken();
    emu.faults.add({ operation: "ListAccounts", status: 429 });
    const e = await caught(listAccounts(accessToken));
    expect(e).toBeInstanceOf(TooManyRequestsException);
    expect(e).toMatchObject({ $metadata: { httpStatusCode: 429, attempts: 3 } });
  });

  it("injects any modelled exception with its status and message, without retries", async () => {
    const client = emu.seedClient();
    emu.faults.add({
      operation: "CreateToken",
      exception: "InvalidGrantException",
      message: "nope",
      times: 1,
    });
    const e = await caught(
      oidcClient(emu).send(
        new CreateTokenCommand({ ...client, grantType: "refresh_token", refreshToken: "x" }),
      ),
    );
    expect(e).toBeInstanceOf(InvalidGrantException);
    expect(e).toMatchObject({
      error: "invalid_grant",
      error_description: "nope",
      $metadata: { httpStatusCode: 400, attempts: 1 },
    });
    emu.faults.add({ operation: "RegisterClient", exception: "SlowDownException" });
    expect(await caught(register())).toBeInstanceOf(SlowDownException);
  });

  it("injects STS errors as XML", async () => {
    emu.faults.add({ operation: "GetCallerIdentity", exception: "ExpiredToken", message: "gone" });
    const e = await caught(
      stsClient(emu, { accessKeyId: "a", secretAccessKey: "b" }).send(new GetCallerIdentityCommand({})),
    );
    expect(e).toBeInstanceOf(STSServiceException);
    expect(e).toMatchObject({ name: "ExpiredToken", message: "gone", $metadata: { httpStatusCode: 403 } });
  });

  it("delays the real reply", async () => {
    const { accessToken } = emu.seedToken();
    emu.faults.add({ operation: "ListAccounts", delayMs: 50, times: 1 });
    const out = await listAccounts(accessToken);
    expect(out.accountList).toHaveLength(2);
    expect(emu.requestLog()).toEqual([expect.objectContaining({ operation: "ListAccounts", status: 200 })]);
  });

  it.each(["malformed", "truncated"] as const)("a %s body makes the client fail", async (body) => {
    const { accessToken } = emu.seedToken();
    emu.faults.add({ operation: "GetRoleCredentials", body });
    const e = await caught(
      ssoClient(emu).send(
        new GetRoleCredentialsCommand({ accessToken, accountId: "111111111111", roleName: "ReadOnly" }),
      ),
    );
    expect(e).toBeInstanceOf(Error);
    expect(emu.requestLog()[0]).toMatchObject({ operation: "GetRoleCredentials", status: 200 });
  });

  it("an empty 200 body gives a reply without credentials", async () => {
    const { accessToken } = emu.seedToken();
    emu.faults.add({ operation: "ListAccounts", body: "empty" });
    const out = await listAccounts(accessToken);
    expect(out.accountList).toBeUndefined();
  });

  it("a connection reset is retried and then surfaces as a network error", async () => {
    const { accessToken } = emu.seedToken();
    emu.faults.add({ operation: "ListAccounts", reset: true });
    const e = await caught(listAccounts(accessToken));
    expect(e).not.toBeInstanceOf(SSOServiceException);
    expect(String((e as { code?: string }).code ?? e.message)).toMatch(/ECONNRESET|socket hang up/);
    expect(emu.stats().ListAccounts).toBe(3);
  });

  it("a canned response is returned as is", async () => {
    emu.faults.add({
      operation: "RegisterClient",
      response: {
        status: 200,
        headers: { "X-Custom": "1" },
        body: { clientId: "canned", clientSecret: "s" },
      },
    });
    const out = await register();
    expect(out).toMatchObject({ clientId: "canned", clientSecret: "s" });
  });

  it("an unmodelled exception name gives the service's base exception", async () => {
    emu.faults.add({ operation: "RegisterClient", exception: "ThrottlingException", status: 400 });
    const e = await caught(register());
    expect(e).toBeInstanceOf(SSOOIDCServiceException);
    expect(e.name).toBe("ThrottlingException");
  });

  it("probability 0 never applies; rules are checked in order and can be removed", async () => {
    emu.faults.add({ operation: "RegisterClient", status: 500, probability: 0 });
    await expect(register()).resolves.toHaveProperty("clientId");
    const id = emu.faults.add({ operation: "RegisterClient", exception: "InvalidScopeException" });
    emu.faults.add({ operation: "RegisterClient", exception: "InvalidClientMetadataException" });
    expect((await caught(register())).name).toBe("InvalidScopeException");
    expect(emu.faults.remove(id)).toBe(true);
    expect((await caught(register())).name).toBe("InvalidClientMetadataException");
    emu.faults.clear();
    await expect(register()).resolves.toHaveProperty("clientId");
  });
});

describe("hostile replies", () => {
  /** A raw GetRoleCredentials request (faults apply before the token is checked). */
  const portalRequest = (signal?: AbortSignal) =>
    fetch(`${emu.url}/federation/credentials?account_id=111111111111&role_name=ReadOnly`, {
      headers: { "x-amz-sso_bearer_token": "t" },
      ...(signal !== undefined && { signal }),
    });

  it.each([
    ["with its content-length", true, "100000"],
    ["chunked", false, null],
  ])("a huge body of exactly the bytes asked for, %s", async (_, declareLength, contentLength) => {
    emu.faults.add({ operation: "GetRoleCredentials", hugeBody: { bytes: 100_000, declareLength } });
    const reply = await portalRequest();
    expect(reply.status).toBe(200);
    expect(reply.headers.get("content-length")).toBe(contentLength);
    const body = await reply.text();
    expect(body).toHaveLength(100_000);
    expect(JSON.parse(body)).toEqual({ padding: "a".repeat(100_000 - '{"padding":""}'.length) });
    expect(emu.requestLog().at(-1)).toMatchObject({ status: 200, errorType: "HugeBody" });
  });

  it("a drip: headers at once, then a body that only grows, until the client gives up", async () => {
    emu.faults.add({ operation: "GetRoleCredentials", drip: { intervalMs: 10 } });
    const controller = new AbortController();
    const reply = await portalRequest(controller.signal);
    expect(reply.status).toBe(200);
    const reader = reply.body!.getReader();
    let text = "";
    while (text.length < 15) text += new TextDecoder().decode((await reader.read()).value);
    expect(text.startsWith('{"padding":"aaa')).toBe(true);
    controller.abort();
    expect(emu.requestLog().at(-1)).toMatchObject({ errorType: "DrippedBody" });
  });

  it("silence: the request is counted and never answered; stopping the emulator ends it", async () => {
    const silent = await startEmulator();
    silent.faults.add({ operation: "GetRoleCredentials", silent: true });
    const pending = fetch(`${silent.url}/federation/credentials?account_id=1&role_name=r`).then(
      () => "answered",
      () => "connection closed",
    );
    for (let i = 0; i < 1_000 && silent.stats().GetRoleCredentials !== 1; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(silent.requestLog().at(-1)).toMatchObject({ errorType: "NoReply" });
    await silent.stop();
    expect(await pending).toBe("connection closed");
  });
});
