import { connect } from "node:net";
import type { Emulator } from "../Emulator.js";
import { startEmulator } from "../startEmulator.js";

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ maxBodyBytes: 1024, bodyTimeoutMs: 200 });
});
afterAll(() => emu.stop());

const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${emu.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });

const errorType = (res: Response) => res.headers.get("x-amzn-errortype")?.split(":")[0];

describe("bad input", () => {
  it.each([
    ["invalid JSON", "{not json"],
    ["a JSON array", "[]"],
    ["a number where a string belongs", '{"clientName": 5, "clientType": "public"}'],
    [
      "a string where a list belongs",
      '{"clientName": "x", "clientType": "public", "scopes": "sso:account:access"}',
    ],
    ["a list of numbers", '{"clientName": "x", "clientType": "public", "grantTypes": [1]}'],
    ["an empty body", ""],
  ])("OIDC answers %s with InvalidRequestException", async (_what, body) => {
    const res = await post("/client/register", body);
    expect(res.status).toBe(400);
    expect(errorType(res)).toBe("InvalidRequestException");
    expect(await res.json()).toMatchObject({
      error: "invalid_request",
      error_description: expect.any(String),
    });
  });

  it("CreateToken validates every member's type", async () => {
    const client = emu.seedClient();
    const res = await post(
      "/token",
      JSON.stringify({ ...client, grantType: "refresh_token", refreshToken: { a: 1 } }),
    );
    expect(errorType(res)).toBe("InvalidRequestException");
    expect((await res.json()) as object).toMatchObject({
      error_description: "refreshToken must be a string.",
    });
  });

  it("answers unknown paths and wrong methods with 404 UnknownOperationException", async () => {
    for (const [method, path] of [
      ["GET", "/nope"],
      ["GET", "/token"],
      ["DELETE", "/client/register"],
      ["PUT", "/federation/credentials"],
    ] as const) {
      const res = await fetch(`${emu.url}${path}`, { method });
      expect(res.status).toBe(404);
      expect(errorType(res)).toBe("UnknownOperationException");
    }
    expect(emu.requestLog()).toContainEqual(
      expect.objectContaining({ operation: "UnknownOperation", status: 404 }),
    );
  });

  it("rejects an oversized body with 413 in the service's encoding", async () => {
    const big = JSON.stringify({ clientName: "x".repeat(5000), clientType: "public" });
    const res = await post("/client/register", big);
    expect(res.status).toBe(413);
    expect(errorType(res)).toBe("InvalidRequestException");
    const sts = await fetch(emu.url, {
      method: "POST",
      body: `Action=GetCallerIdentity&x=${"y".repeat(5000)}`,
    });
    expect(sts.status).toBe(413);
    expect(await sts.text()).toContain("<ErrorResponse");
  });

  it("answers a body that never finishes with 408 after bodyTimeoutMs, without hanging", async () => {
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect(emu.port, "127.0.0.1", () => {
        socket.write(
          "POST /token HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{",
        );
      });
      let data = "";
      socket.on("data", (chunk) => (data += chunk.toString()));
      socket.on("close", () => resolve(data));
      socket.on("error", reject);
    });
    expect(reply).toMatch(/^HTTP\/1\.1 408/);
    expect(reply).toContain("x-amzn-errortype: InvalidRequestException");
  });

  it("the portal answers a missing bearer token with UnauthorizedException and no account with InvalidRequestException", async () => {
    const missing = await fetch(`${emu.url}/assignment/accounts`);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({
      message: "Session token not found or invalid",
      __type: "com.amazonaws.switchboard.portal#UnauthorizedException",
    });
    const { accessToken } = emu.seedToken();
    const noAccount = await fetch(`${emu.url}/assignment/roles`, {
      headers: { "x-amz-sso_bearer_token": accessToken },
    });
    expect(noAccount.status).toBe(400);
    expect(errorType(noAccount)).toBe("InvalidRequestException");
    const badMax = await fetch(`${emu.url}/assignment/accounts?max_result=abc`, {
      headers: { "x-amz-sso_bearer_token": accessToken },
    });
    expect(errorType(badMax)).toBe("InvalidRequestException");
  });

  it("STS answers a missing or unknown Action and a missing signature with its XML errors", async () => {
    const form = { "content-type": "application/x-www-form-urlencoded" };
    const noAction = await fetch(emu.url, { method: "POST", headers: form, body: "Version=2011-06-15" });
    expect(noAction.status).toBe(400);
    expect(await noAction.text()).toContain("<Code>MissingAction</Code>");
    const other = await fetch(emu.url, {
      method: "POST",
      headers: form,
      body: "Action=GetSessionToken&Version=2011-06-15",
    });
    expect(await other.text()).toContain("<Code>InvalidAction</Code>");
    const unsignedAssumeRole = await fetch(emu.url, {
      method: "POST",
      headers: form,
      body: "Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A111111111111%3Arole%2FReadOnly",
    });
    expect(unsignedAssumeRole.status).toBe(403);
    expect(await unsignedAssumeRole.text()).toContain("<Code>MissingAuthenticationToken</Code>");
    expect(emu.requestLog()).toContainEqual(
      expect.objectContaining({ operation: "AssumeRole", errorType: "MissingAuthenticationToken" }),
    );
    const unsigned = await fetch(emu.url, {
      method: "POST",
      headers: form,
      body: "Action=GetCallerIdentity&Version=2011-06-15",
    });
    expect(unsigned.status).toBe(403);
    expect(await unsigned.text()).toContain("<Code>MissingAuthenticationToken</Code>");
    const garbled = await fetch(emu.url, {
      method: "POST",
      headers: { ...form, authorization: "AWS4-HMAC-SHA256 garbage" },
      body: "Action=GetCallerIdentity&Version=2011-06-15",
    });
    expect(await garbled.text()).toContain("<Code>IncompleteSignature</Code>");
  });

  it("CreateTokenWithIAM refuses an unsigned request", async () => {
    const res = await post(
      "/token?aws_iam=t",
      JSON.stringify({ clientId: "app", grantType: "refresh_token", refreshToken: "x" }),
    );
    expect(res.status).toBe(401);
    expect(errorType(res)).toBe("InvalidClientException");
  });
});
