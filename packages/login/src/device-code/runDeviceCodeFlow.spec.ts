import { answerDevicePage } from "../../../../test/support/login/approveInEmulator.js";
import { EchoingHandler, type EchoFault } from "../../../../test/support/login/loginTestEnv.js";
import { recordingLogger } from "../../../../test/support/recordingLogger.js";
import { useRegisteredClient } from "../../../../test/support/login/useRegisteredClient.js";
import type { LoginError } from "../LoginError.js";
import { runDeviceCodeFlow, type DeviceCodeFlowOptions } from "./runDeviceCodeFlow.js";
import { TERMINAL_CONTROLS } from "../../../../test/support/terminalControls.js";

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("runDeviceCodeFlow", () => {
  const setup = useRegisteredClient(() => ({ clientName: "device-test", clientType: "public" }));

  function flow(
    extra: Partial<DeviceCodeFlowOptions> = {},
  ): Promise<Awaited<ReturnType<typeof runDeviceCodeFlow>>> {
    return runDeviceCodeFlow({
      oidc: setup.oidc,
      client: setup.client,
      startUrl: setup.emu.startUrl,
      prompt: async (prompt) => {
        setup.env.prompt(prompt);
      },
      timeoutMs: 60_000,
      ...extra,
    });
  }

  it("gets the token without prompting when the first attempt succeeds", async () => {
    await setup.start({ autoApprove: true });
    const token = await flow({ openBrowser: () => Promise.reject(new Error("must not open")) });
    expect(token.accessToken).toMatch(/^emu-at-/);
    expect(token.expiresIn).toBe(3600);
    expect(setup.env.prompts).toEqual([]);
    expect(setup.emu.stats()).toMatchObject({ StartDeviceAuthorization: 1, CreateToken: 1 });
    const [start] = setup.handler.bodies("/device_authorization");
    expect(start).toEqual({
      clientId: setup.client.clientId,
      clientSecret: setup.client.clientSecret,
      startUrl: setup.emu.startUrl,
    });
    expect(setup.handler.bodies("/token")[0]).toEqual({
      clientId: setup.client.clientId,
      clientSecret: setup.client.clientSecret,
      grantType: "urn:ietf:params:oauth:grant-type:device_code",
      deviceCode: expect.any(String),
    });
  });

  it("prompts, opens the complete verification URL, polls while pending and returns once approved", async () => {
    await setup.start();
    const opened: string[] = [];
    const login = flow({ openBrowser: (url) => void opened.push(url) });
    await until(() => setup.emu.stats().CreateToken >= 3, "a few polls");
    expect(setup.env.prompts).toHaveLength(1);
    const prompt = setup.env.prompts[0]!;
    expect(prompt).toMatchObject({
      flow: "device",
      verificationUri: `${setup.emu.url}/device`,
      openingBrowser: true,
    });
    expect(prompt.userCode).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);
    expect(prompt.url).toBe(`${setup.emu.url}/device?user_code=${prompt.userCode}`);
    expect(prompt.expiresAt.getTime()).toBeGreaterThan(Date.now());
    expect(opened).toEqual([prompt.url]);

    const { page } = await answerDevicePage(prompt.url, "allow");
    expect(page.clientName).toBe("device-test");
    const token = await login;
    expect(token.accessToken).toMatch(/^emu-at-/);
    // Every poll waited the interval: the emulator answers a too-early poll with SlowDownException.
    expect(setup.emu.requestLog().filter((entry) => entry.errorType === "SlowDownException")).toEqual([]);
  });

  it("says so when the prompt fails, and does not poll", async () => {
    await setup.start();
    await expect(
      flow({
        prompt: () => Promise.reject(new Error("terminal closed")),
      }),
    ).rejects.toThrow("terminal closed");
    expect(setup.emu.stats().CreateToken).toBe(1);
  });

  it("adds 5 seconds to the interval after SlowDownException", async () => {
    await setup.start({ autoApprove: true });
    setup.emu.faults.add({ operation: "CreateToken", times: 1, exception: "SlowDownException" });
    await expect(flow({ openBrowser: undefined })).resolves.toMatchObject({
      accessToken: expect.any(String),
    });
    const polls = setup.emu.requestLog().filter((entry) => entry.operation === "CreateToken");
    expect(polls).toHaveLength(2);
    // Interval 1 s + 5 s: the second poll comes at least 6 s after the first (small timer slack allowed).
    expect(new Date(polls[1]!.time).getTime() - new Date(polls[0]!.time).getTime()).toBeGreaterThanOrEqual(
      5_900,
    );
  }, 20_000);

  it("ends with the AWS CLI's message on ExpiredTokenException", async () => {
    await setup.start();
    setup.emu.faults.add({ operation: "CreateToken", exception: "ExpiredTokenException" });
    const error = (await flow().catch((e: unknown) => e)) as LoginError;
    expect(error).toMatchObject({
      name: "LoginError",
      code: "AuthorizationExpired",
      message: "the pending authorization has expired, start the login again",
    });
  });

  it("stops when the device code expires without approval", async () => {
    await setup.start({ deviceCodeTtlSeconds: 2 });
    const error = (await flow().catch((e: unknown) => e)) as LoginError;
    expect(error.code).toBe("AuthorizationExpired");
    expect(error.message).toBe("the pending authorization has expired, start the login again");
  });

  it("reports a denial in the browser as AccessDenied", async () => {
    await setup.start();
    const login = flow().catch((e: unknown) => e);
    await until(() => setup.env.prompts.length === 1, "the prompt");
    await answerDevicePage(setup.env.prompts[0]!.url, "deny");
    expect(await login).toMatchObject({ code: "AccessDenied" });
  });

  it("ends the login on any other error", async () => {
    await setup.start();
    setup.emu.faults.add({
      operation: "CreateToken",
      exception: "InvalidGrantException",
      message: "Invalid device code",
    });
    const error = (await flow().catch((e: unknown) => e)) as LoginError;
    expect(error.code).toBe("ServiceError");
    expect(error.message).toContain("InvalidGrantException: Invalid device code");
    expect(setup.emu.stats().CreateToken).toBe(1);
  });

  it("fails on an incomplete StartDeviceAuthorization reply", async () => {
    await setup.start();
    setup.emu.faults.add({
      operation: "StartDeviceAuthorization",
      response: { body: { deviceCode: "x", expiresIn: 600 } },
    });
    await expect(flow()).rejects.toMatchObject({ code: "InvalidResponse" });
  });

  it.each([
    [
      "a userCode with escape sequences",
      { userCode: "ABCD\u001b]0;owned\u0007", verificationUri: "https://x.example/" },
      "userCode",
    ],
    [
      "a verificationUri with CR/LF",
      { userCode: "ABCD-EFGH", verificationUri: "https://x.example/\r\nsso-kit: signed in OK" },
      "verificationUri",
    ],
    [
      "a verificationUri that is not https",
      { userCode: "ABCD-EFGH", verificationUri: "javascript:alert(1)" },
      "verificationUri",
    ],
    [
      "a plain-http verificationUriComplete off this machine",
      {
        userCode: "ABCD-EFGH",
        verificationUri: "https://x.example/",
        verificationUriComplete: "http://x.example/?c=1",
      },
      "verificationUriComplete",
    ],
  ])("refuses %s before prompting or opening anything, naming the endpoint", async (_what, fields, field) => {
    await setup.start();
    setup.emu.faults.add({
      operation: "StartDeviceAuthorization",
      response: { body: { deviceCode: "device-code-1234", expiresIn: 600, interval: 1, ...fields } },
    });
    const opened: string[] = [];
    const error = (await flow({ openBrowser: (url) => void opened.push(url) }).catch(
      (e: unknown) => e,
    )) as LoginError;
    expect(error.code).toBe("InvalidResponse");
    expect(error.message).toContain(
      `the SSO-OIDC endpoint ${setup.emu.url} answered StartDeviceAuthorization (HTTP 200) with a ${field} `,
    );
    expect(error.message).not.toMatch(TERMINAL_CONTROLS);
    expect(error.message).not.toMatch(/owned|signed in OK|javascript/);
    expect(setup.env.prompts).toEqual([]);
    expect(opened).toEqual([]);
  });

  it("stops at timeoutMs", async () => {
    await setup.start();
    const error = (await flow({ timeoutMs: 1_500 }).catch((e: unknown) => e)) as LoginError;
    expect(error.code).toBe("Timeout");
    expect(error.message).toMatch(
      /^nobody approved code [A-Z]{4}-[A-Z]{4} within 2 s; start the login again$/,
    );
  });

  it("stops polling when aborted", async () => {
    await setup.start();
    const controller = new AbortController();
    const login = flow({ signal: controller.signal }).catch((e: unknown) => e);
    await until(() => setup.emu.stats().CreateToken >= 2, "polling");
    controller.abort();
    expect(await login).toMatchObject({ code: "Aborted", message: "the login was cancelled" });
    const polls = setup.emu.stats().CreateToken;
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(setup.emu.stats().CreateToken).toBe(polls);
  });
  it.each<[string, EchoFault, string[]]>([
    [
      "StartDeviceAuthorization",
      {
        operation: "StartDeviceAuthorization",
        path: "/device_authorization",
        exception: "InvalidClientException",
      },
      ["clientSecret"],
    ],
    [
      "CreateToken",
      { operation: "CreateToken", path: "/token", exception: "InvalidGrantException" },
      ["clientSecret", "deviceCode"],
    ],
  ])("never repeats the secrets that %s's error echoes back", async (_operation, echo, fields) => {
    await setup.start({ autoApprove: true });
    const echoing = new EchoingHandler(setup.emu, echo);
    setup.sendThrough(echoing);
    const { lines, logger } = recordingLogger();
    const error = (await flow({ logger }).catch((e: unknown) => e)) as LoginError;
    const [request] = echoing.bodies(echo.path);
    const secrets = fields.map((field) => request![field] as string);
    for (const secret of secrets) expect((error.cause as Error).message).toContain(secret);
    expect(error.code).toBe("ServiceError");
    expect(error.message).toContain(`${echo.exception}: rejected request: `);
    expect(error.message.match(/\[redacted\]/g)).toHaveLength(secrets.length);
    for (const text of [error.message, error.stack ?? "", ...lines]) {
      for (const secret of secrets) expect(text).not.toContain(secret);
    }
  });
});
