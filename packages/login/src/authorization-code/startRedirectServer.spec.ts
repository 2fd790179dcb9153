import { request as httpRequest } from "node:http";
import { connect } from "node:net";

import { canConnect } from "../../../../test/support/login/canConnect.js";
import { LoginError } from "../LoginError.js";
import { startRedirectServer, type RedirectServer } from "./startRedirectServer.js";

const STATE = "3f1c2a5e-7d7b-4a53-9d7e-2f8c1a0b9e11";

function rawGet(port: number, path: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, path, headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
    req.end();
  });
}

describe("startRedirectServer", () => {
  let server: RedirectServer;
  beforeEach(async () => {
    server = await startRedirectServer({ state: STATE });
  });
  afterEach(async () => {
    await server.close();
  });

  it("listens on 127.0.0.1 with an ephemeral port and the registered path", () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.redirectUri).toBe(`http://127.0.0.1:${server.port}/oauth/callback`);
  });

  it("gives the code and answers with a page saying the tab can be closed", async () => {
    const response = await fetch(`${server.redirectUri}?code=the-code&state=${STATE}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.text()).toContain("You can close this tab");
    await expect(server.code).resolves.toBe("the-code");
  });

  it("answers a callback with another state 400 and keeps waiting for the real one", async () => {
    const forged = await fetch(`${server.redirectUri}?code=forged-code&state=someone-else`);
    expect(forged.status).toBe(400);
    expect(await forged.text()).not.toContain("Sign-in failed");
    expect((await fetch(`${server.redirectUri}?code=no-state`)).status).toBe(400);
    expect((await fetch(`${server.redirectUri}?error=access_denied&state=someone-else`)).status).toBe(400);
    expect((await fetch(`${server.redirectUri}?error=access_denied`)).status).toBe(400);
    expect((await fetch(`${server.redirectUri}?code=the-code&state=${STATE}`)).status).toBe(200);
    await expect(server.code).resolves.toBe("the-code");
  });

  it("reports a denial as AccessDenied", async () => {
    const response = await fetch(`${server.redirectUri}?error=access_denied&state=${STATE}`);
    expect(response.status).toBe(400);
    const error = (await server.code.catch((e: unknown) => e)) as LoginError;
    expect(error).toBeInstanceOf(LoginError);
    expect(error.code).toBe("AccessDenied");
    expect(error.message).toContain("choose Allow");
  });

  it("reports another error without reflecting what the request carried", async () => {
    await fetch(`${server.redirectUri}?error=${encodeURIComponent("server_error<script>")}&state=${STATE}`);
    const error = (await server.code.catch((e: unknown) => e)) as LoginError;
    expect(error.code).toBe("ServiceError");
    expect(error.message).toContain("(server_errorscript)");
  });

  it("fails when the callback has no code", async () => {
    await fetch(`${server.redirectUri}?state=${STATE}`);
    await expect(server.code).rejects.toMatchObject({
      code: "InvalidResponse",
      message: expect.stringContaining("Failed to retrieve an authorization code"),
    });
  });

  it("ignores other paths, methods and hosts, then still takes the real callback", async () => {
    expect((await fetch(`http://127.0.0.1:${server.port}/favicon.ico`)).status).toBe(404);
    expect((await fetch(`${server.redirectUri}?code=x&state=${STATE}`, { method: "POST" })).status).toBe(405);
    expect(
      await rawGet(server.port, `/oauth/callback?code=x&state=${STATE}`, `evil.example:${server.port}`),
    ).toBe(400);
    expect((await fetch(`${server.redirectUri}?code=real&state=${STATE}`)).status).toBe(200);
    await expect(server.code).resolves.toBe("real");
  });

  it("answers a second callback with 409 and keeps the first result", async () => {
    await fetch(`${server.redirectUri}?code=first&state=${STATE}`);
    expect((await fetch(`${server.redirectUri}?code=second&state=${STATE}`)).status).toBe(409);
    await expect(server.code).resolves.toBe("first");
  });

  it("closes even with an idle connection open, and can be closed twice", async () => {
    const idle = connect(server.port, "127.0.0.1");
    await new Promise((resolve) => idle.once("connect", resolve));
    const closed = new Promise((resolve) => idle.once("close", resolve));
    await server.close();
    await server.close();
    await closed;
    expect(await canConnect(server.port)).toBe(false);
  });
});
