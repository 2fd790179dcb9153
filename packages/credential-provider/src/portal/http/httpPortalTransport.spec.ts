import { SSOClient } from "@aws-sdk/client-sso";
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { choosePortalTransport } from "../../clients/choosePortalTransport.js";
import { adoptCredentialsProviderError } from "../../errors/SsoCredentialsProviderError.js";
import type { RoleTarget } from "../../config/RoleTarget.js";
import { legacyTarget } from "../../__fixtures__/testEnvironment.js";
import { recordingLogger } from "../../../../../test/support/recordingLogger.js";
import { getRoleCredentials } from "../getRoleCredentials.js";
import type { PortalTransport } from "../PortalTransport.js";
import { sdkPortalTransport } from "../sdkPortalTransport.js";
import { useRecordingServer, type RecordedRequest } from "./__fixtures__/recordingServer.js";
import { httpPortalTransport } from "./httpPortalTransport.js";
import { MAX_REPLY_BYTES } from "./MAX_REPLY_BYTES.js";
import { PACKAGE_VERSION } from "./PACKAGE_VERSION.js";

const server = useRecordingServer();

beforeAll(() => adoptCredentialsProviderError());

const ENV_KEYS = ["AWS_ENDPOINT_URL_SSO", "AWS_LAMBDA_FUNCTION_NAME", "_X_AMZN_TRACE_ID"];
const saved: Record<string, string | undefined> = {};
beforeEach(() => {
  for (const key of ENV_KEYS) saved[key] = process.env[key];
});
afterEach(() => {
  for (const key of ENV_KEYS) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
});

const TOKEN = "wire-access-token-0123456789";

interface Settings {
  logger?: ReturnType<typeof recordingLogger>["logger"];
  userAgentAppId?: string;
}

/** Both transports as fromSSO builds them, for an endpoint given through AWS_ENDPOINT_URL_SSO. */
const transports = (endpointUrl: string, settings: Settings = {}) => {
  process.env.AWS_ENDPOINT_URL_SSO = endpointUrl;
  const choice = choosePortalTransport({
    ssoClient: false,
    config: settings,
    region: "us-east-1",
    env: process.env,
    sharedConfigKeys: new Set(),
  });
  if (choice.transport !== "http") throw new Error(choice.because);
  return {
    sdk: sdkPortalTransport(new SSOClient({ region: "us-east-1", ...settings })),
    http: httpPortalTransport(choice.settings),
  };
};

/** The requests one call made on the wire. */
const requestsOf = async (call: () => Promise<unknown>): Promise<RecordedRequest[]> => {
  server.requests = [];
  await call().catch(() => undefined);
  return server.requests;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("the request on the wire is the SDK client's", () => {
  test.each([
    ["no path", ""],
    ["a trailing slash", "/"],
    ["a path", "/sso"],
    ["a path with a trailing slash", "/sso/"],
    ["a path with dot segments and escapes", "/a/./b/../c%20d"],
    ["credentials, a query and a fragment", "/p?x=1#frag"],
  ])("endpoint with %s: same method, path, query and host", async (_, suffix) => {
    const endpoint = suffix.startsWith("/p?")
      ? `http://u:pw@127.0.0.1:${server.port}${suffix}`
      : server.url + suffix;
    const { sdk, http } = transports(endpoint);
    const accountId = "123456789012";
    const roleName = "Role name/with+chars!'()*é";
    const [viaSdk] = await requestsOf(() => sdk(accountId, roleName, TOKEN));
    const [viaHttp] = await requestsOf(() => http(accountId, roleName, TOKEN));
    expect(viaSdk).toBeDefined();
    expect([viaHttp?.method, viaHttp?.url, viaHttp?.headers.host]).toEqual([
      viaSdk?.method,
      viaSdk?.url,
      viaSdk?.headers.host,
    ]);
    expect(viaHttp?.headers.authorization).toBeUndefined();
  });

  test("headers: the token, an invocation id, the attempt; a user agent naming sso-kit", async () => {
    const { sdk, http } = transports(server.url);
    const [viaSdk] = await requestsOf(() => sdk("111111111111", "ReadOnly", TOKEN));
    const [viaHttp] = await requestsOf(() => http("111111111111", "ReadOnly", TOKEN));
    const shared = [
      "x-amz-sso_bearer_token",
      "amz-sdk-invocation-id",
      "amz-sdk-request",
      "user-agent",
      "host",
    ];
    for (const request of [viaSdk, viaHttp]) {
      expect(request?.headers).toMatchObject({
        "x-amz-sso_bearer_token": TOKEN,
        "amz-sdk-invocation-id": expect.stringMatching(UUID),
        "amz-sdk-request": "attempt=1; max=3",
      });
    }
    // Only the SDK's own second user-agent header and the connection header differ.
    const names = (request?: RecordedRequest) =>
      Object.keys(request?.headers ?? {}).filter(
        (name) => !["x-amz-user-agent", "connection"].includes(name),
      );
    expect(names(viaHttp).sort()).toEqual(names(viaSdk).sort());
    expect(names(viaHttp).sort()).toEqual(shared.sort());
    expect(viaHttp?.headers["user-agent"]).toBe(
      `sso-kit/${PACKAGE_VERSION} lang/js md/nodejs#${process.versions.node} api/sso`,
    );
  });

  test("the app id is appended and escaped as the SDK does", async () => {
    const appOf = (request?: RecordedRequest) =>
      / (app\/\S+)/.exec(request?.headers["user-agent"] ?? "")?.[1];
    const { sdk, http } = transports(server.url, { userAgentAppId: "my app/1.0 (ünïcode)" });
    const [viaSdk] = await requestsOf(() => sdk("1", "R", TOKEN));
    const [viaHttp] = await requestsOf(() => http("1", "R", TOKEN));
    expect(appOf(viaSdk)).toBeDefined();
    expect(appOf(viaHttp)).toBe(appOf(viaSdk));
  });

  test("in AWS Lambda, the trace id goes along as the SDK sends it", async () => {
    process.env.AWS_LAMBDA_FUNCTION_NAME = "fn";
    process.env._X_AMZN_TRACE_ID =
      "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";
    const { sdk, http } = transports(server.url);
    const [viaSdk] = await requestsOf(() => sdk("1", "R", TOKEN));
    const [viaHttp] = await requestsOf(() => http("1", "R", TOKEN));
    expect(viaSdk?.headers["x-amzn-trace-id"]).toBe(process.env._X_AMZN_TRACE_ID);
    expect(viaHttp?.headers["x-amzn-trace-id"]).toBe(viaSdk?.headers["x-amzn-trace-id"]);
  });

  test("retries: one invocation id, the attempt counted in amz-sdk-request, a debug line without the token", async () => {
    server.reply = (_, index) => (index < 2 ? { status: 503, body: { message: `busy ${TOKEN}` } } : {});
    const { lines, logger } = recordingLogger();
    const { sdk, http } = transports(server.url, { logger });
    const attempts = (requests: RecordedRequest[]) => requests.map((r) => r.headers["amz-sdk-request"]);
    const viaSdk = await requestsOf(() => sdk("1", "R", TOKEN));
    const viaHttp = await requestsOf(() => http("1", "R", TOKEN));
    expect(attempts(viaHttp)).toEqual(attempts(viaSdk));
    expect(attempts(viaHttp)).toEqual(["attempt=1; max=3", "attempt=2; max=3", "attempt=3; max=3"]);
    expect(new Set(viaHttp.map((r) => r.headers["amz-sdk-invocation-id"])).size).toBe(1);
    const retried = lines.filter((line) => line.includes("GetRoleCredentials attempt"));
    expect(retried).toEqual([
      expect.stringMatching(/attempt 1 of 3 failed \(Unknown, HTTP 503\); retrying in \d+ ms\.$/),
      expect.stringMatching(/attempt 2 of 3 failed \(Unknown, HTTP 503\); retrying in \d+ ms\.$/),
    ]);
    expect(lines.join("\n")).not.toContain(TOKEN);
  });

  test("the client's logger gets the SDK client's line for each call, secrets masked", async () => {
    const sdkLog = recordingLogger();
    const httpLog = recordingLogger();
    const commandLines = (lines: string[]) =>
      lines.filter((line) => line.includes("GetRoleCredentialsCommand"));
    await transports(server.url, { logger: sdkLog.logger }).sdk("1", "R", TOKEN);
    await transports(server.url, { logger: httpLog.logger }).http("1", "R", TOKEN);
    expect(commandLines(httpLog.lines)).toEqual(commandLines(sdkLog.lines));
    expect(commandLines(httpLog.lines)).toEqual([
      expect.stringMatching(/^info .*"secretAccessKey":"\*\*\*Sensitive/),
    ]);

    server.reply = () => ({
      status: 401,
      headers: { "x-amzn-errortype": "UnauthorizedException" },
      body: {},
    });
    const failed = async (which: "sdk" | "http") => {
      const entries: Array<{ error: { name: string } }> = [];
      const logger = {
        ...recordingLogger().logger,
        error: (entry: unknown) => void entries.push(entry as (typeof entries)[number]),
      };
      const transport = transports(server.url, { logger })[which];
      await transport("1", "R", TOKEN).catch(() => undefined);
      return entries.map(({ error, ...entry }) => ({ ...entry, name: error.name }));
    };
    const viaSdk = await failed("sdk");
    expect(viaSdk).toEqual([
      expect.objectContaining({ commandName: "GetRoleCredentialsCommand", name: "UnauthorizedException" }),
    ]);
    expect(await failed("http")).toEqual(viaSdk);
    expect([...sdkLog.lines, ...httpLog.lines].join("\n")).not.toContain(TOKEN);
  });

  test("the retry budget of one client runs out as the SDK's does", async () => {
    server.reply = () => ({ status: 503, body: {} });
    const { sdk, http } = transports(server.url);
    const count = async (transport: PortalTransport) => {
      server.requests = [];
      for (let call = 0; call < 19; call += 1) await transport("1", "R", TOKEN).catch(() => undefined);
      return server.requests.length;
    };
    const viaSdk = await count(sdk);
    // 500 tokens, 14 per retry: 17 calls retry twice, the 18th once, the 19th not at all.
    expect(viaSdk).toBe(17 * 3 + 2 + 1);
    expect(await count(http)).toBe(viaSdk);
  });
});

describe("failures the emulator cannot inject", () => {
  const target: RoleTarget = legacyTarget;
  const outcome = async (transport: PortalTransport) => {
    server.requests = [];
    const error = (await getRoleCredentials({
      transport,
      target,
      accessToken: TOKEN,
      logger: undefined,
    }).catch((e: unknown) => e)) as { reason?: string; message: string };
    return { reason: error.reason, requests: server.requests.length, message: error.message };
  };

  test("a portal echoing the token: the lean transport's error and log line no longer hold it", async () => {
    server.reply = () => ({
      status: 401,
      headers: { "x-amzn-errortype": "UnauthorizedException" },
      body: { message: `token ${TOKEN} is not valid` },
    });
    const entries: unknown[] = [];
    const logger = { ...recordingLogger().logger, error: (entry: unknown) => void entries.push(entry) };
    const thrown = await transports(server.url, { logger })
      .http("1", "R", TOKEN)
      .catch((e: unknown) => e as Error);
    expect(thrown).toMatchObject({ name: "UnauthorizedException", message: "token [redacted] is not valid" });
    expect(entries).toHaveLength(1);
    expect(
      JSON.stringify(entries, (_, value: unknown) => (value instanceof Error ? value.message : value)),
    ).not.toContain(TOKEN);
  });

  test("a 200 reply larger than 1 MiB is not read: InvalidCredentials, nothing of it quoted", async () => {
    server.reply = () => ({ body: `{"roleCredentials":"${"SECRET".repeat(MAX_REPLY_BYTES / 4)}"}` });
    const { http } = transports(server.url);
    const viaHttp = await outcome(http);
    expect(viaHttp).toMatchObject({ reason: "InvalidCredentials", requests: 1 });
    expect(viaHttp.message).toContain("the reply could not be read (ReplyTooLargeError)");
    expect(viaHttp.message).not.toContain("SECRET");
  });

  test("a 503 reply larger than 1 MiB: retried like any 503, then ServiceUnavailable", async () => {
    server.reply = () => ({ status: 503, body: "x".repeat(MAX_REPLY_BYTES + 1) });
    const { http } = transports(server.url);
    await expect(outcome(http)).resolves.toMatchObject({ reason: "ServiceUnavailable", requests: 3 });
  });

  test("a refused connection: retried, then ServiceUnavailable through both transports", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const { sdk, http } = transports(`http://127.0.0.1:${port}`);
    const [viaSdk, viaHttp] = [await outcome(sdk), await outcome(http)];
    expect(viaHttp.reason).toBe("ServiceUnavailable");
    expect(viaHttp.reason).toBe(viaSdk.reason);
    for (const { message } of [viaSdk, viaHttp]) {
      expect(message).toContain("after 3 attempts");
      expect(message).toContain("ECONNREFUSED");
    }
  });
});
