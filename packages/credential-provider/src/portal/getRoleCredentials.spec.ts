import type { SSOClientConfig } from "@aws-sdk/client-sso";
import type { FaultRule } from "@sso-kit/emulator";
import type { RoleTarget } from "../config/RoleTarget.js";
import {
  adoptCredentialsProviderError,
  SsoCredentialsProviderError,
} from "../errors/SsoCredentialsProviderError.js";
import { sessionTarget, useEmulator } from "../../../../test/support/credential-provider/testEnvironment.js";
import { recordingLogger } from "../../../../test/support/recordingLogger.js";
import { createSsoClient } from "./createSsoClient.js";
import { getRoleCredentials } from "./getRoleCredentials.js";

const env = useEmulator();

// What every provider does before it can throw.
beforeAll(() => adoptCredentialsProviderError());

const target: RoleTarget = sessionTarget;

/** The SSO client fromSSO builds (bounded request handler), pointed at the emulator. */
const clientOf = (settings: SSOClientConfig = {}) =>
  createSsoClient("us-east-1", { endpoint: env.emu.url, ...settings });

const failure = async (promise: Promise<unknown>) => {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(SsoCredentialsProviderError);
  return error as SsoCredentialsProviderError;
};

describe("through the SDK client", () => {
  const call = async (
    accessToken: string,
    overrides: Partial<RoleTarget> = {},
    settings: SSOClientConfig = {},
  ) =>
    getRoleCredentials({
      client: await clientOf(settings),
      target: { ...target, ...overrides } as RoleTarget,
      accessToken,
      logger: undefined,
    });

  test("sends the account, role and token; returns validated credentials (expiration in epoch ms)", async () => {
    const { accessToken } = env.emu.seedToken();
    const credentials = await call(accessToken);
    const issued = env.emu.issuedCredentials().at(-1);
    expect(issued).toMatchObject({
      accessKeyId: credentials.accessKeyId,
      accountId: "111111111111",
      roleName: "ReadOnly",
    });
    expect(credentials.expiration).toBe(issued?.expiration.getTime());
    expect(env.emu.stats().GetRoleCredentials).toBe(1);
  });

  test("UnauthorizedException: Unauthorized, with the sign-in command", async () => {
    const error = await failure(call("unknown-token"));
    expect(error).toMatchObject({
      reason: "Unauthorized",
      signInCommand: "sso-kit login --profile dev",
      tryNextLink: false,
    });
    expect(error.message).toContain("UnauthorizedException");
    expect(error.message).not.toContain("unknown-token");
  });

  test("ResourceNotFoundException: ServiceError naming the role and account", async () => {
    const { accessToken } = env.emu.seedToken();
    const error = await failure(
      call(accessToken, { accountId: "333333333333", roleName: "AdministratorAccess" }),
    );
    expect(error).toMatchObject({
      reason: "ServiceError",
      cause: expect.objectContaining({ name: "ResourceNotFoundException" }),
    });
    expect(error.message).toContain("role AdministratorAccess in account 333333333333");
  });

  test("throttling after the standard retries: ServiceUnavailable with the attempt count", async () => {
    const { accessToken } = env.emu.seedToken();
    env.emu.faults.add({ operation: "GetRoleCredentials", exception: "TooManyRequestsException" });
    const error = await failure(call(accessToken));
    expect(error).toMatchObject({ reason: "ServiceUnavailable" });
    expect(error.message).toContain("after 3 attempts");
    expect(env.emu.stats().GetRoleCredentials).toBe(3);
  });

  test("a 5xx, then the real reply: the retry succeeds", async () => {
    const { accessToken } = env.emu.seedToken();
    env.emu.faults.add({ operation: "GetRoleCredentials", status: 503, times: 2 });
    await expect(call(accessToken)).resolves.toMatchObject({ accessKeyId: expect.any(String) });
    expect(env.emu.requestLog().map((entry) => entry.status)).toEqual([503, 503, 200]);
  });

  test("another client error: ServiceError quoting the service's message", async () => {
    const { accessToken } = env.emu.seedToken();
    env.emu.faults.add({
      operation: "GetRoleCredentials",
      exception: "InvalidRequestException",
      message: "bad request",
    });
    const error = await failure(call(accessToken));
    expect(error).toMatchObject({ reason: "ServiceError" });
    expect(error.message).toContain("InvalidRequestException: bad request");
    expect(env.emu.stats().GetRoleCredentials).toBe(1);
  });

  test("an empty or malformed 200 reply: InvalidCredentials", async () => {
    const { accessToken } = env.emu.seedToken();
    env.emu.faults.add({ operation: "GetRoleCredentials", body: "empty", times: 1 });
    await expect(call(accessToken)).rejects.toMatchObject({ reason: "InvalidCredentials" });
    env.emu.faults.add({ operation: "GetRoleCredentials", body: "malformed", times: 1 });
    await expect(call(accessToken)).rejects.toMatchObject({ reason: "InvalidCredentials" });
  });

  test("a requestTimeout without throwOnRequestTimeout only warns: the slow reply is used", async () => {
    const { accessToken } = env.emu.seedToken();
    env.emu.faults.add({ operation: "GetRoleCredentials", delayMs: 600, times: 1 });
    const log = recordingLogger();
    await expect(
      call(accessToken, {}, { logger: log.logger, requestHandler: { requestTimeout: 100 } }),
    ).resolves.toMatchObject({ accessKeyId: expect.any(String) });
    expect(log.lines.some((line) => line.startsWith("warn") && line.includes("100 ms requestTimeout"))).toBe(
      true,
    );
    expect(env.emu.stats().GetRoleCredentials).toBe(1);
  });

  test("a portal echoing the access token: neither the message nor the debug log line repeats it", async () => {
    const { accessToken } = env.emu.seedToken();
    env.emu.faults.add({
      operation: "GetRoleCredentials",
      exception: "UnauthorizedException",
      message: `token ${accessToken} is not valid`,
    });
    const log = recordingLogger();
    const error = await failure(
      getRoleCredentials({ client: await clientOf(), target, accessToken, logger: log.logger }),
    );
    expect(error).toMatchObject({ reason: "Unauthorized" });
    expect(error.message).toContain("UnauthorizedException: token [redacted] is not valid");
    expect(log.lines.some((line) => line.includes("token [redacted] is not valid"))).toBe(true);
    for (const text of [error.message, error.stack ?? "", ...log.lines])
      expect(text).not.toContain(accessToken);
  });
});

/** A fault of the emulator, the client settings for it, and what a call ends with: reason, requests made. */
type Case = [
  fault: Omit<FaultRule, "operation">,
  settings: SSOClientConfig,
  reason: string,
  requests: number,
];

const CLIENT_TIMEOUT = { requestHandler: { requestTimeout: 300, throwOnRequestTimeout: true } };
/** A short whole-attempt deadline, so that hostile replies end quickly here (the default is 15 s). */
const DEADLINE = { requestHandler: { deadlineMs: 300 } as SSOClientConfig["requestHandler"] };
const credentials = { accessKeyId: "ASIAX", secretAccessKey: "SECRET-SAK", sessionToken: "SECRET-ST" };

const FAULTS: Record<string, Case> = {
  "HTTP 500": [{ status: 500 }, {}, "ServiceUnavailable", 3],
  "HTTP 501 (a server error that is not retried)": [{ status: 501 }, {}, "ServiceUnavailable", 1],
  "HTTP 502": [{ status: 502 }, {}, "ServiceUnavailable", 3],
  "HTTP 503": [{ status: 503 }, {}, "ServiceUnavailable", 3],
  "HTTP 504": [{ status: 504 }, {}, "ServiceUnavailable", 3],
  "HTTP 429": [{ status: 429 }, {}, "ServiceUnavailable", 3],
  TooManyRequestsException: [{ exception: "TooManyRequestsException" }, {}, "ServiceUnavailable", 3],
  "ThrottlingException (unmodelled, HTTP 400)": [
    { exception: "ThrottlingException", status: 400 },
    {},
    "ServiceUnavailable",
    3,
  ],
  UnauthorizedException: [{ exception: "UnauthorizedException" }, {}, "Unauthorized", 1],
  ResourceNotFoundException: [{ exception: "ResourceNotFoundException" }, {}, "ServiceError", 1],
  InvalidRequestException: [
    { exception: "InvalidRequestException", message: "no such thing" },
    {},
    "ServiceError",
    1,
  ],
  "malformed body": [{ body: "malformed" }, {}, "InvalidCredentials", 1],
  "truncated body": [{ body: "truncated" }, {}, "ServiceUnavailable", 3],
  "empty body": [{ body: "empty" }, {}, "InvalidCredentials", 1],
  "connection reset": [{ reset: true }, {}, "ServiceUnavailable", 3],
  "reply after 1.5 s (client timeout 300 ms)": [{ delayMs: 1_500 }, CLIENT_TIMEOUT, "ServiceUnavailable", 3],
  "reply after 1.5 s (deadline 300 ms)": [{ delayMs: 1_500 }, DEADLINE, "ServiceUnavailable", 3],
  "no reply at all (deadline 300 ms)": [{ silent: true }, DEADLINE, "ServiceUnavailable", 3],
  "one byte every 100 ms (deadline 300 ms)": [
    { drip: { intervalMs: 100 } },
    DEADLINE,
    "ServiceUnavailable",
    3,
  ],
  "a 500 MB reply with its content-length": [{ hugeBody: { bytes: 500e6 } }, {}, "ServiceUnavailable", 1],
  "a 500 MB reply, chunked": [
    { hugeBody: { bytes: 500e6, declareLength: false } },
    {},
    "ServiceUnavailable",
    1,
  ],
  "200 without roleCredentials": [{ response: { body: {} } }, {}, "InvalidCredentials", 1],
  "200 with roleCredentials null": [
    { response: { body: { roleCredentials: null } } },
    {},
    "InvalidCredentials",
    1,
  ],
  "200 with roleCredentials a string": [
    { response: { body: { roleCredentials: "x" } } },
    {},
    "InvalidCredentials",
    1,
  ],
  "200 JSON null": [{ response: { body: "null" } }, {}, "InvalidCredentials", 1],
  "200 with wrong types": [
    { response: { body: { roleCredentials: { ...credentials, accessKeyId: 7, expiration: "soon" } } } },
    {},
    "InvalidCredentials",
    1,
  ],
  "200 with extra members (credentialScope is not in the model)": [
    {
      response: {
        body: { roleCredentials: { ...credentials, expiration: 4e12, credentialScope: "s" }, other: 1 },
      },
    },
    {},
    "credentials",
    1,
  ],
  "204 with no body": [{ response: { status: 204, body: "" } }, {}, "InvalidCredentials", 1],
  "404 HTML page": [
    { response: { status: 404, headers: { "content-type": "text/html" }, body: "<h1>no</h1>" } },
    {},
    "ServiceError",
    1,
  ],
  "502 HTML page": [
    { response: { status: 502, headers: { "content-type": "text/html" }, body: "<h1>bad</h1>" } },
    {},
    "ServiceUnavailable",
    3,
  ],
  "403 with the type only in the body's __type": [
    { response: { status: 403, body: { __type: "com.amazonaws.x#UnauthorizedException", message: "m" } } },
    {},
    "Unauthorized",
    1,
  ],
  "400 with the type only in the body's Code": [
    { response: { status: 400, body: { Code: "ThrottlingException", Message: "slow down" } } },
    {},
    "ServiceUnavailable",
    3,
  ],
  "400 with a header type and a body code (the header wins)": [
    {
      response: {
        status: 400,
        headers: { "X-Amzn-ErrorType": "ResourceNotFoundException:http://x/" },
        body: { code: "TooManyRequestsException" },
      },
    },
    {},
    "ServiceError",
    1,
  ],
  "400 with no type at all": [
    { response: { status: 400, body: { message: "who knows" } } },
    {},
    "ServiceError",
    1,
  ],
  "401 with an empty body": [{ response: { status: 401, body: "" } }, {}, "Unauthorized", 1],
};

describe("every fault the emulator injects ends in its typed error, after the SDK's retries where they apply", () => {
  test.each(Object.entries(FAULTS))("%s", async (_, [fault, settings, reason, requests]) => {
    const { accessToken } = env.emu.seedToken();
    env.emu.faults.add({ operation: "GetRoleCredentials", ...fault });
    const settled = await getRoleCredentials({
      client: await clientOf(settings),
      target,
      accessToken,
      logger: undefined,
    }).then(
      () => ({ reason: "credentials", message: "" }),
      (error: unknown) => error as SsoCredentialsProviderError,
    );
    expect({ reason: settled.reason, requests: env.emu.stats().GetRoleCredentials }).toEqual({
      reason,
      requests,
    });
    expect(settled.message).not.toContain(accessToken);
    expect(settled.message).not.toMatch(/SECRET-/);
    if (fault.hugeBody !== undefined) expect(settled.message).toContain("larger than 1048576 bytes");
    if (settings === DEADLINE) expect(settled.message).toContain("within 300 ms");
  });
});
