import { answerAuthorizeUrl } from "../../../../test/support/login/approveInEmulator.js";
import { canConnect } from "../../../../test/support/login/canConnect.js";
import { EchoingHandler } from "../../../../test/support/login/loginTestEnv.js";
import { recordingLogger } from "../../../../test/support/recordingLogger.js";
import { useRegisteredClient } from "../../../../test/support/login/useRegisteredClient.js";
import type { LoginError } from "../LoginError.js";
import { createCodeChallenge } from "../pkce/createCodeChallenge.js";
import { runAuthorizationCodeFlow, type AuthorizationCodeFlowOptions } from "./runAuthorizationCodeFlow.js";

function portOf(authorizeUrl: string): number {
  return Number(new URL(new URL(authorizeUrl).searchParams.get("redirect_uri")!).port);
}

describe("runAuthorizationCodeFlow", () => {
  const setup = useRegisteredClient((emu) => ({
    clientName: "pkce-test",
    clientType: "public",
    grantTypes: ["authorization_code", "refresh_token"],
    redirectUris: ["http://127.0.0.1/oauth/callback"],
    issuerUrl: emu.startUrl,
    scopes: ["sso:account:access"],
  }));

  function flow(extra: Partial<AuthorizationCodeFlowOptions> = {}) {
    return runAuthorizationCodeFlow({
      oidc: setup.oidc,
      client: setup.client,
      scopes: ["sso:account:access"],
      prompt: async (prompt) => {
        setup.env.prompt(prompt);
      },
      timeoutMs: 60_000,
      ...extra,
    });
  }

  it("sends the browser to the authorize URL the AWS CLI builds and redeems the code with the verifier", async () => {
    await setup.start({ autoApprove: true });
    const callbackPages: string[] = [];
    const token = await flow({
      // A browser without a person: follows the emulator's redirect to the loopback server.
      openBrowser: async (url) => void callbackPages.push(await (await fetch(url)).text()),
    });
    expect(token.accessToken).toMatch(/^emu-at-/);
    expect(token.refreshToken).toMatch(/^emu-rt-/);
    expect(callbackPages[0]).toContain("You can close this tab");

    const prompt = setup.env.prompts[0]!;
    expect(prompt).toMatchObject({ flow: "pkce", openingBrowser: true });
    expect(prompt.userCode).toBeUndefined();
    const url = new URL(prompt.url);
    expect(`${url.origin}${url.pathname}`).toBe(`${setup.emu.url}/authorize`);
    expect([...url.searchParams.keys()]).toEqual([
      "response_type",
      "client_id",
      "redirect_uri",
      "state",
      "code_challenge_method",
      "scopes",
      "code_challenge",
    ]);
    const port = portOf(prompt.url);
    expect(prompt.url).toContain(`redirect_uri=http%3A%2F%2F127.0.0.1%3A${port}%2Foauth%2Fcallback`);
    expect(prompt.url).toContain("&scopes=sso%3Aaccount%3Aaccess&");
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      response_type: "code",
      client_id: setup.client.clientId,
      code_challenge_method: "S256",
    });
    expect(url.searchParams.get("state")).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );

    const [tokenRequest] = setup.handler.bodies("/token");
    expect(tokenRequest).toEqual({
      clientId: setup.client.clientId,
      clientSecret: setup.client.clientSecret,
      grantType: "authorization_code",
      code: expect.stringMatching(/^emu-code-/),
      codeVerifier: expect.stringMatching(/^[A-Za-z0-9\-._~]{64}$/),
      redirectUri: `http://127.0.0.1:${port}/oauth/callback`,
    });
    expect(createCodeChallenge(tokenRequest!.codeVerifier as string)).toBe(
      url.searchParams.get("code_challenge"),
    );
    expect(await canConnect(port)).toBe(false);
  });

  it("uses a new verifier and state for every login", async () => {
    await setup.start({ autoApprove: true });
    const open = async (url: string): Promise<void> => void (await fetch(url));
    await flow({ openBrowser: open });
    await flow({ openBrowser: open });
    const [first, second] = setup.env.prompts.map((p) => new URL(p.url).searchParams);
    expect(first!.get("state")).not.toBe(second!.get("state"));
    expect(first!.get("code_challenge")).not.toBe(second!.get("code_challenge"));
  });

  it("completes after the user allows on the consent page", async () => {
    await setup.start();
    let callback: Response | undefined;
    const token = await flow({
      openBrowser: async (url) => {
        ({ callback } = await answerAuthorizeUrl(url, "allow"));
      },
    });
    expect(token.accessToken).toMatch(/^emu-at-/);
    expect(callback!.status).toBe(200);
    expect(await callback!.text()).toContain("You can close this tab");
  });

  it("fails with AccessDenied when the user denies, showing an error page, and closes the server", async () => {
    await setup.start();
    let callback: Response | undefined;
    const error = (await flow({
      openBrowser: async (url) => {
        ({ callback } = await answerAuthorizeUrl(url, "deny"));
      },
    }).catch((e: unknown) => e)) as LoginError;
    expect(error.code).toBe("AccessDenied");
    expect(callback!.status).toBe(400);
    expect(await callback!.text()).toContain("Sign-in failed");
    expect(await canConnect(portOf(setup.env.prompts[0]!.url))).toBe(false);
    expect(setup.emu.stats().CreateToken).toBe(0);
  });

  it("ignores a callback with another state (400) and completes with the real one", async () => {
    await setup.start();
    const forged: Response[] = [];
    let callback: Response | undefined;
    const token = await flow({
      openBrowser: async (url) => {
        const redirectUri = new URL(url).searchParams.get("redirect_uri")!;
        // Any local process can reach the loopback port: neither a code nor an error with a wrong state ends it.
        forged.push(await fetch(`${redirectUri}?code=emu-code-forged&state=forged`));
        forged.push(await fetch(`${redirectUri}?error=access_denied&state=forged`));
        ({ callback } = await answerAuthorizeUrl(url, "allow"));
      },
    });
    expect(forged.map((response) => response.status)).toEqual([400, 400]);
    expect(callback!.status).toBe(200);
    expect(token.accessToken).toMatch(/^emu-at-/);
    expect(setup.emu.stats().CreateToken).toBe(1);
    expect(await canConnect(portOf(setup.env.prompts[0]!.url))).toBe(false);
  });

  it("fails with Timeout when the browser never comes back, and closes the server", async () => {
    await setup.start();
    const error = (await flow({ timeoutMs: 300 }).catch((e: unknown) => e)) as LoginError;
    expect(error.code).toBe("Timeout");
    expect(error.message).toBe("the browser did not complete the sign-in within 1 s; start the login again");
    expect(await canConnect(portOf(setup.env.prompts[0]!.url))).toBe(false);
  });

  it("stops when aborted, and closes the server", async () => {
    await setup.start();
    const controller = new AbortController();
    const login = flow({ signal: controller.signal, openBrowser: () => controller.abort() }).catch(
      (e: unknown) => e,
    );
    expect(await login).toMatchObject({ code: "Aborted" });
    expect(await canConnect(portOf(setup.env.prompts[0]!.url))).toBe(false);
  });

  it("maps ExpiredTokenException from CreateToken to the expired-authorization message", async () => {
    await setup.start({ autoApprove: true });
    setup.emu.faults.add({ operation: "CreateToken", exception: "ExpiredTokenException" });
    const error = (await flow({ openBrowser: async (url) => void (await fetch(url)) }).catch(
      (e: unknown) => e,
    )) as LoginError;
    expect(error).toMatchObject({
      code: "AuthorizationExpired",
      message: "the pending authorization has expired, start the login again",
    });
    expect(await canConnect(portOf(setup.env.prompts[0]!.url))).toBe(false);
  });

  it("closes the server when the prompt fails", async () => {
    await setup.start();
    let port = 0;
    await expect(
      flow({
        prompt: async (prompt) => {
          port = portOf(prompt.url);
          throw new Error("no terminal");
        },
      }),
    ).rejects.toThrow("no terminal");
    expect(port).toBeGreaterThan(0);
    expect(await canConnect(port)).toBe(false);
  });

  it("keeps waiting when the browser cannot be opened", async () => {
    await setup.start({ autoApprove: true });
    const { warnings, logger } = recordingLogger();
    const login = flow({ openBrowser: () => Promise.reject(new Error("no browser")), logger });
    for (let i = 0; i < 200 && setup.env.prompts.length === 0; i++)
      await new Promise((r) => setTimeout(r, 10));
    await fetch(setup.env.prompts[0]!.url);
    await expect(login).resolves.toMatchObject({ accessToken: expect.any(String) });
    expect(warnings).toEqual([
      "sso-kit login: could not open the browser (no browser); open the URL shown instead",
    ]);
  });
  it("never repeats the client secret, code or code verifier that CreateToken's error echoes back", async () => {
    await setup.start({ autoApprove: true });
    const echoing = new EchoingHandler(setup.emu, {
      operation: "CreateToken",
      path: "/token",
      exception: "InvalidGrantException",
    });
    setup.sendThrough(echoing);
    const { lines, logger } = recordingLogger();
    const error = (await flow({ openBrowser: async (url) => void (await fetch(url)), logger }).catch(
      (e: unknown) => e,
    )) as LoginError;
    const [request] = echoing.bodies("/token");
    const secrets = [setup.client.clientSecret, request!.code as string, request!.codeVerifier as string];
    for (const secret of secrets) expect((error.cause as Error).message).toContain(secret);
    expect(error.code).toBe("ServiceError");
    expect(error.message).toContain("InvalidGrantException: rejected request: ");
    expect(error.message.match(/\[redacted\]/g)).toHaveLength(3);
    for (const text of [error.message, error.stack ?? "", ...lines]) {
      for (const secret of secrets) expect(text).not.toContain(secret);
    }
  });
});
