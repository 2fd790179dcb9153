import { SSOClient } from "@aws-sdk/client-sso";
import type { FaultRule } from "@sso-kit/emulator";
import { choosePortalTransport } from "../clients/choosePortalTransport.js";
import type { RoleTarget } from "../config/RoleTarget.js";
import {
  adoptCredentialsProviderError,
  SsoCredentialsProviderError,
} from "../errors/SsoCredentialsProviderError.js";
import { sessionTarget, useEmulator } from "../__fixtures__/testEnvironment.js";
import { recordingLogger } from "../../../../test/support/recordingLogger.js";
import { getRoleCredentials } from "./getRoleCredentials.js";
import { httpPortalTransport } from "./http/httpPortalTransport.js";
import type { PortalTransport } from "./PortalTransport.js";
import { sdkPortalTransport } from "./sdkPortalTransport.js";

const env = useEmulator();

// What every provider does before it can throw.
beforeAll(() => adoptCredentialsProviderError());

const target: RoleTarget = sessionTarget;

/** Settings both transports are given: a logger, and optionally the node handler's timeout options. */
interface ClientSettings {
  logger?: ReturnType<typeof recordingLogger>["logger"];
  requestHandler?: { requestTimeout?: number; throwOnRequestTimeout?: boolean };
}

/** The SDK's SSOClient, pointed at the emulator. */
const sdkTransport = (settings: ClientSettings = {}): PortalTransport =>
  sdkPortalTransport(new SSOClient({ region: "us-east-1", endpoint: env.emu.url, ...settings }));

/** The lean transport, chosen as fromSSO chooses it, pointed at the emulator through AWS_ENDPOINT_URL_SSO. */
const httpTransport = (settings: ClientSettings = {}): PortalTransport => {
  const choice = choosePortalTransport({
    ssoClient: false,
    config: settings,
    region: "us-east-1",
    env: { AWS_ENDPOINT_URL_SSO: env.emu.url },
    sharedConfigKeys: new Set(),
  });
  if (choice.transport !== "http") throw new Error(`expected the lean transport: ${choice.because}`);
  return httpPortalTransport(choice.settings);
};

const TRANSPORTS = [
  ["SDK client", sdkTransport],
  ["node:http", httpTransport],
] as const;

const failure = async (promise: Promise<unknown>) => {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(SsoCredentialsProviderError);
  return error as SsoCredentialsProviderError;
};

describe.each(TRANSPORTS)("through the %s", (_, transportOf) => {
  const call = (accessToken: string, overrides: Partial<RoleTarget> = {}, settings: ClientSettings = {}) =>
    getRoleCredentials({
      transport: transportOf(settings),
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
      getRoleCredentials({ transport: transportOf({}), target, accessToken, logger: log.logger }),
    );
    expect(error).toMatchObject({ reason: "Unauthorized" });
    expect(error.message).toContain("UnauthorizedException: token [redacted] is not valid");
    expect(log.lines.some((line) => line.includes("token [redacted] is not valid"))).toBe(true);
    for (const text of [error.message, error.stack ?? "", ...log.lines])
      expect(text).not.toContain(accessToken);
  });
});

/**
 * A fault of the emulator, the client settings both transports get for it, and whether the two messages may
 * differ in their quote of the cause (the same reason, attempts and advice, other words for the same event).
 */
type Case = [fault: Omit<FaultRule, "operation">, settings?: ClientSettings, wording?: "own words"];

const CLIENT_TIMEOUT = { requestHandler: { requestTimeout: 300, throwOnRequestTimeout: true } };
const credentials = { accessKeyId: "ASIAX", secretAccessKey: "SECRET-SAK", sessionToken: "SECRET-ST" };

const FAULTS: Record<string, Case> = {
  "HTTP 500": [{ status: 500 }],
  "HTTP 501 (a server error that is not retried)": [{ status: 501 }],
  "HTTP 502": [{ status: 502 }],
  "HTTP 503": [{ status: 503 }],
  "HTTP 504": [{ status: 504 }],
  "HTTP 429": [{ status: 429 }],
  TooManyRequestsException: [{ exception: "TooManyRequestsException" }],
  "ThrottlingException (unmodelled, HTTP 400)": [{ exception: "ThrottlingException", status: 400 }],
  UnauthorizedException: [{ exception: "UnauthorizedException" }],
  ResourceNotFoundException: [{ exception: "ResourceNotFoundException" }],
  InvalidRequestException: [{ exception: "InvalidRequestException", message: "no such thing" }],
  "malformed body": [{ body: "malformed" }],
  "truncated body": [{ body: "truncated" }],
  "empty body": [{ body: "empty" }],
  "connection reset": [{ reset: true }],
  "reply after 1.5 s (client timeout 300 ms)": [{ delayMs: 1_500 }, CLIENT_TIMEOUT, "own words"],
  "200 without roleCredentials": [{ response: { body: {} } }],
  "200 with roleCredentials null": [{ response: { body: { roleCredentials: null } } }],
  "200 with roleCredentials a string": [{ response: { body: { roleCredentials: "x" } } }],
  // The SDK's deserializer fails on it with a TypeError; the lean one reads no roleCredentials.
  "200 JSON null": [{ response: { body: "null" } }, {}, "own words"],
  "200 with wrong types": [
    { response: { body: { roleCredentials: { ...credentials, accessKeyId: 7, expiration: "soon" } } } },
  ],
  "200 with extra members (credentialScope is not in the model)": [
    {
      response: {
        body: { roleCredentials: { ...credentials, expiration: 4e12, credentialScope: "s" }, other: 1 },
      },
    },
  ],
  "204 with no body": [{ response: { status: 204, body: "" } }],
  "404 HTML page": [
    { response: { status: 404, headers: { "content-type": "text/html" }, body: "<h1>no</h1>" } },
  ],
  "502 HTML page": [
    { response: { status: 502, headers: { "content-type": "text/html" }, body: "<h1>bad</h1>" } },
  ],
  "403 with the type only in the body's __type": [
    { response: { status: 403, body: { __type: "com.amazonaws.x#UnauthorizedException", message: "m" } } },
  ],
  "400 with the type only in the body's Code": [
    { response: { status: 400, body: { Code: "ThrottlingException", Message: "slow down" } } },
  ],
  "400 with a header type and a body code (the header wins)": [
    {
      response: {
        status: 400,
        headers: { "X-Amzn-ErrorType": "ResourceNotFoundException:http://x/" },
        body: { code: "TooManyRequestsException" },
      },
    },
  ],
  "400 with no type at all": [{ response: { status: 400, body: { message: "who knows" } } }],
  "401 with an empty body": [{ response: { status: 401, body: "" } }],
};

/** What a call gives: the error's reason (or success) and how many requests reached the portal. */
const outcome = async (transport: PortalTransport, accessToken: string) => {
  const settled = await getRoleCredentials({ transport, target, accessToken, logger: undefined }).then(
    (credentials) => ({ credentials, error: undefined }),
    (error: unknown) => ({ credentials: undefined, error: error as SsoCredentialsProviderError }),
  );
  const requests = env.emu.stats().GetRoleCredentials;
  env.emu.reset();
  return {
    reason: settled.error?.reason ?? "credentials",
    requests,
    message: settled.error?.message,
    credentials: settled.credentials,
  };
};

describe("every fault the emulator injects gives the same outcome through both transports", () => {
  test.each(Object.entries(FAULTS))("%s", async (_, [fault, settings = {}, wording]) => {
    const { accessToken } = env.emu.seedToken();
    env.emu.faults.add({ operation: "GetRoleCredentials", ...fault });
    const viaSdk = await outcome(sdkTransport(settings), accessToken);
    env.emu.faults.add({ operation: "GetRoleCredentials", ...fault });
    const viaHttp = await outcome(httpTransport(settings), accessToken);
    expect(viaHttp.reason).toBe(viaSdk.reason);
    expect(viaHttp.requests).toBe(viaSdk.requests);
    expect(viaHttp.credentials).toEqual(viaSdk.credentials);
    if (wording === undefined) expect(viaHttp.message).toBe(viaSdk.message);
    for (const message of [viaSdk.message, viaHttp.message]) {
      expect(message ?? "").not.toContain(accessToken);
      expect(message ?? "").not.toMatch(/SECRET-/);
    }
  });
});
