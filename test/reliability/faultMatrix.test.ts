/**
 * Fault matrix: every failure the emulator can inject (HTTP 500, 429, 503, a reply slower than the client's
 * timeout, malformed / truncated / empty bodies, connection resets, a 500 MB reply, a reply dripping byte by byte, a
 * server that never answers, every modelled SSO-OIDC and SSO exception,
 * a service that echoes the request's secrets, replies of the wrong shape) on each network step:
 *
 * - refresh (SSO-OIDC CreateToken, token provider), with a token still valid and with an expired one;
 * - GetRoleCredentials (SSO portal, credential provider);
 * - AssumeRole (STS, the hop of a chained profile; its source credentials are sentinels the portal returned);
 * - sign-in (RegisterClient and CreateToken of the PKCE flow, login).
 *
 * Each case must end in the surface's typed error with a useful message (or, for a still-valid token, that
 * token), leave the cache files byte for byte as they were (except that a token GetRoleCredentials rejected is
 * healed: refreshed once, and written back), and leak no secret: every token, client secret and
 * credential is a sentinel. sso-kit's own text (the error's message and stack, and every line its debug logger
 * got) must never hold one, even when the service echoes a secret back. The rest (the error's causes, which are
 * the SDK's exceptions, and the lines the SDK clients log) must not either, except where the service itself
 * echoed a secret into its message: sso-kit cannot rewrite the SDK's objects, so that is counted, not failed.
 * In-process, real SDK clients over HTTP.
 */
import type { FaultRule } from "@sso-kit/emulator";
import { fromSSO, SsoCredentialsProviderError } from "@sso-kit/credential-provider";
import { login, LoginError } from "@sso-kit/login";
import { clientRegistrationCacheKey, fromSsoSession } from "@sso-kit/token-provider/internal";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import {
  OIDC_EXCEPTIONS,
  SSO_EXCEPTIONS,
  STS_ERRORS,
} from "../../packages/emulator/src/http/serviceExceptions";
import { recordingLogger } from "../support/recordingLogger";
import {
  errorText,
  leakedIn,
  secretsInFiles,
  sentinelSecrets,
  type SentinelSecrets,
} from "../support/secrets";
import { signIn } from "../support/signIn";
import { recordFigure } from "./support/figures";
import { settle } from "./support/fuzz";
import { useSandbox } from "./support/sandbox";

/** The SDK clients' per-request timeout in this matrix (a client setting users make; the default is 10 s). */
const CLIENT_TIMEOUT_MS = 300;
/** The whole-attempt deadline of sso-kit's request handler in this matrix (the default is 15 s). */
const DEADLINE_MS = CLIENT_TIMEOUT_MS * 2;
const requestHandler = {
  requestTimeout: CLIENT_TIMEOUT_MS,
  throwOnRequestTimeout: true,
  deadlineMs: DEADLINE_MS,
};
/** A call that has not settled after this is a hang. */
const HANG_MS = 30_000;

type Fault = (secrets: SentinelSecrets) => Omit<FaultRule, "operation">;

const TRANSPORT: Array<[string, Fault]> = [
  ["HTTP 500", () => ({ status: 500 })],
  ["HTTP 429", () => ({ status: 429 })],
  ["HTTP 503", () => ({ status: 503 })],
  [
    `reply after ${CLIENT_TIMEOUT_MS * 5} ms (client timeout ${CLIENT_TIMEOUT_MS} ms)`,
    () => ({ delayMs: CLIENT_TIMEOUT_MS * 5 }),
  ],
  ["malformed body", () => ({ body: "malformed" })],
  ["truncated body", () => ({ body: "truncated" })],
  ["empty body", () => ({ body: "empty" })],
  ["connection reset", () => ({ reset: true })],
  ["500 MB reply", () => ({ hugeBody: { bytes: 500e6, declareLength: false } })],
  [
    `a byte every ${CLIENT_TIMEOUT_MS / 3} ms (deadline ${DEADLINE_MS} ms)`,
    () => ({ drip: { intervalMs: CLIENT_TIMEOUT_MS / 3 } }),
  ],
  ["no reply", () => ({ silent: true })],
];
const exceptions = (names: string[]): Array<[string, Fault]> =>
  names.map((name) => [name, () => ({ exception: name })]);

const ECHO = "echoing the request's secrets";
const OIDC_FAULTS: Array<[string, Fault]> = [...TRANSPORT, ...exceptions(Object.keys(OIDC_EXCEPTIONS))];
const REFRESH_ECHO: [string, Fault] = [
  `InvalidGrantException ${ECHO}`,
  (s) => ({
    exception: "InvalidGrantException",
    message: `refresh token ${s.refreshToken} of client secret ${s.clientSecret} is revoked`,
  }),
];
const SIGN_IN_ECHO: [string, Fault] = [
  `InvalidClientException ${ECHO}`,
  (s) => ({ exception: "InvalidClientException", message: `client secret ${s.clientSecret} is wrong` }),
];
const REFRESH_REPLIES: Array<[string, Fault]> = [
  [
    "HTML page with HTTP 200",
    () => ({
      response: {
        headers: { "content-type": "text/html" },
        body: "<html><p>Sign in to the proxy</p></html>",
      },
    }),
  ],
  [
    "redirect (HTTP 302)",
    () => ({
      response: { status: 302, headers: { location: "https://proxy.example.com/login" }, body: "" },
    }),
  ],
  [
    "200 with a 2 MB accessToken",
    () => ({ response: { body: { accessToken: "x".repeat(2e6), expiresIn: 3600 } } }),
  ],
  ["200 with expiresIn 1e15", () => ({ response: { body: { accessToken: "x-new", expiresIn: 1e15 } } })],
  ["200 without accessToken", () => ({ response: { body: { expiresIn: 3600, tokenType: "Bearer" } } })],
  ["200 with expiresIn -5", () => ({ response: { body: { accessToken: "x-new", expiresIn: -5 } } })],
  [
    "200 with wrong types",
    () => ({ response: { body: { accessToken: 42, expiresIn: "1h", refreshToken: [] } } }),
  ],
];
const SSO_FAULTS: Array<[string, Fault]> = [
  ...TRANSPORT,
  ...exceptions(Object.keys(SSO_EXCEPTIONS)),
  [
    `UnauthorizedException ${ECHO}`,
    (s) => ({ exception: "UnauthorizedException", message: `token ${s.accessToken} is not valid` }),
  ],
  ["200 without roleCredentials", () => ({ response: { body: {} } })],
  [
    "200 without secretAccessKey",
    (s) => ({
      response: {
        body: {
          roleCredentials: {
            accessKeyId: "ASIAFAULT",
            sessionToken: s.sessionToken,
            expiration: Date.now() + 3.6e6,
          },
        },
      },
    }),
  ],
  [
    "200 with wrong types",
    (s) => ({
      response: {
        body: {
          roleCredentials: {
            accessKeyId: 7,
            secretAccessKey: s.secretAccessKey,
            sessionToken: [s.sessionToken],
            expiration: "soon",
          },
        },
      },
    }),
  ],
];

const STS_FAULTS: Array<[string, Fault]> = [
  ...TRANSPORT,
  ...exceptions(Object.keys(STS_ERRORS)),
  [
    `AccessDenied ${ECHO}`,
    (s) => ({
      exception: "AccessDenied",
      message: `session ${s.sessionToken} with key ${s.secretAccessKey} denied`,
    }),
  ],
  [
    "200 with an XML reply without Credentials",
    () => ({
      response: {
        headers: { "content-type": "text/xml" },
        body: "<AssumeRoleResponse><AssumeRoleResult></AssumeRoleResult></AssumeRoleResponse>",
      },
    }),
  ],
];

/**
 * Which of three things a failed AssumeRole is (the credential provider's `reason`): a denial, or a request STS
 * refuses as invalid, is for the user to fix (`ServiceError` / `InvalidConfig`, naming the profile and role); a 200
 * reply that is not credentials is `InvalidCredentials`; rejected source credentials, throttling, 5xx, timeouts and
 * broken transport are the service failing (`ServiceUnavailable`: try again); any other refusal is `ServiceError`.
 */
const expectedAssumeRoleReason = (fault: string): string => {
  const name = fault.split(" ")[0]!;
  if (["ValidationError", "MalformedPolicyDocument", "RegionDisabledException"].includes(name)) {
    return "InvalidConfig";
  }
  if (/^(malformed|empty) body|^200 /.test(fault)) return "InvalidCredentials";
  const transient = ["ExpiredToken", "ExpiredTokenException", "InvalidClientTokenId", "Throttling"];
  if (transient.includes(name) || TRANSPORT.some(([transport]) => transport === fault))
    return "ServiceUnavailable";
  const status = (STS_ERRORS as Record<string, number>)[name];
  return status !== undefined && status >= 500 ? "ServiceUnavailable" : "ServiceError";
};

/**
 * Which of three things a failed refresh of an expired token is (the token provider's `reason`): SSO-OIDC
 * exceptions that reject the grant or the client end the session; an endpoint that redirects or answers HTML is
 * misconfigured; everything else (5xx, throttling, timeouts, broken or unusable replies) is the service failing.
 */
const SESSION_ENDING_EXCEPTIONS = [
  "InvalidGrantException",
  "InvalidClientException",
  "UnauthorizedClientException",
  "ExpiredTokenException",
  "AccessDeniedException",
  "InvalidScopeException",
  "InvalidRequestException",
  "InvalidRequestRegionException",
  "UnsupportedGrantTypeException",
  "InvalidClientMetadataException",
  "InvalidRedirectUriException",
];
const expectedRefreshReason = (fault: string): string =>
  SESSION_ENDING_EXCEPTIONS.some((name) => fault === name || fault.startsWith(`${name} `))
    ? "SessionEnded"
    : fault.startsWith("HTML page") || fault.startsWith("redirect")
      ? "Misconfigured"
      : "ServiceUnavailable";

type Surface =
  | "refresh, token still valid"
  | "refresh, token expired"
  | "GetRoleCredentials"
  | "AssumeRole"
  | "sign-in RegisterClient"
  | "sign-in CreateToken";
interface Case {
  surface: Surface;
  fault: string;
  rule: Fault;
}
const cases: Case[] = [
  ...[...OIDC_FAULTS, REFRESH_ECHO, ...REFRESH_REPLIES].flatMap(([fault, rule]) => [
    { surface: "refresh, token still valid" as const, fault, rule },
    { surface: "refresh, token expired" as const, fault, rule },
  ]),
  ...SSO_FAULTS.map(([fault, rule]) => ({ surface: "GetRoleCredentials" as const, fault, rule })),
  ...STS_FAULTS.map(([fault, rule]) => ({ surface: "AssumeRole" as const, fault, rule })),
  ...OIDC_FAULTS.map(([fault, rule]) => ({ surface: "sign-in RegisterClient" as const, fault, rule })),
  ...[...OIDC_FAULTS, SIGN_IN_ECHO].map(([fault, rule]) => ({
    surface: "sign-in CreateToken" as const,
    fault,
    rule,
  })),
];

const sandbox = useSandbox({ autoApprove: true, rotateRefreshTokens: true });

interface Result {
  surface: Surface;
  fault: string;
  outcome: string;
  message?: string;
}
const results: Result[] = [];
let scannedMessages = 0;
let scannedLogLines = 0;
let scannedSdkLines = 0;
/** Cases whose sso-kit text (error message, stack, sso-kit log lines) held a secret. */
const leaks: string[] = [];
/** Cases where a secret the service echoed reached the SDK's exceptions (our errors' causes) or its log lines. */
const echoed: string[] = [];

beforeAll(() => {
  // Every sign-in case has its own sso-session (no cached client registration, no earlier token); every AssumeRole
  // case its own chained profile on it.
  const { emu } = sandbox;
  const sessions = cases.map((c, index) =>
    [
      `[sso-session fm-${index}]`,
      `sso_start_url = ${emu.startUrl}`,
      `sso_region = ${emu.region}`,
      ...(c.surface !== "AssumeRole"
        ? []
        : [
            `[profile fm-${index}-base]`,
            `sso_session = fm-${index}`,
            `sso_account_id = ${emu.accounts[0]!.accountId}`,
            `sso_role_name = ${emu.accounts[0]!.roles[0]!}`,
            `[profile fm-${index}]`,
            `role_arn = ${assumedRoleArn()}`,
            `source_profile = fm-${index}-base`,
            "role_session_name = fault-matrix",
          ]),
    ].join("\n"),
  );
  writeFileSync(sandbox.configFile, `${sessions.join("\n\n")}\n`);
});
beforeEach(() => sandbox.emu.faults.clear());
const assumedRoleArn = () =>
  `arn:aws:iam::${sandbox.emu.accounts[1]!.accountId}:role/${sandbox.emu.accounts[1]!.roles[0]!}`;

afterAll(() => {
  const by = (surface: string) => results.filter((r) => r.surface.startsWith(surface)).length;
  recordFigure({
    id: "fault-matrix",
    summary:
      `${results.length} fault cases (refresh ${by("refresh")}, GetRoleCredentials ${by("GetRoleCredentials")}, ` +
      `AssumeRole ${by("AssumeRole")}, ` +
      `sign-in ${by("sign-in")}): ${results.filter((r) => r.outcome !== "unexpected").length} typed errors or ` +
      `kept tokens, ${results.filter((r) => r.outcome === "unexpected").length} unexpected; cache intact in all; ` +
      `secrets in sso-kit's ${scannedMessages} error messages and ${scannedLogLines} debug log lines: ` +
      `${leaks.length === 0 ? "none" : `${leaks.length} cases (${leaks.join("; ")})`}; ` +
      `SDK exceptions and ${scannedSdkLines} SDK client log lines: ${echoed.length} cases, all service echoes`,
    data: { results, leaks, echoed, scannedMessages, scannedLogLines, scannedSdkLines },
  });
});

/** Every file of the cache directory, byte for byte. */
const snapshot = (): Map<string, string> => {
  const directory = sandbox.cache.directory;
  const files = new Map<string, string>();
  if (!existsSync(directory)) return files;
  for (const name of readdirSync(directory)) {
    files.set(name, readFileSync(join(directory, name)).toString("base64"));
  }
  return files;
};

test.each(cases.map((c, index) => [`${c.surface} x ${c.fault}`, c, index] as const))(
  "%s",
  async (_title, { surface, fault, rule }, index) => {
    const { emu, cache } = sandbox;
    const name = `fm-${index}`;
    const secrets = sentinelSecrets(index);
    const expired = surface === "refresh, token expired";
    await signIn(emu, cache, name, {
      accessToken: secrets.accessToken,
      refreshToken: secrets.refreshToken,
      clientSecret: secrets.clientSecret,
      clientId: `fault-matrix-client-${index}`,
      expiresAt: new Date(
        Date.now() + (expired ? -60_000 : surface.startsWith("refresh") ? 120_000 : 3_600_000),
      ),
    });
    if (surface === "sign-in CreateToken" && fault.includes(ECHO)) {
      // A cached PKCE client registration with a sentinel secret, so that what the service echoes is what the
      // sign-in sent.
      const client = emu.seedClient({ clientSecret: secrets.clientSecret });
      await cache.writeRegistration(
        clientRegistrationCacheKey({ startUrl: emu.startUrl, region: emu.region, sessionName: name }),
        {
          clientId: client.clientId,
          clientSecret: client.clientSecret,
          expiresAt: new Date(client.clientSecretExpiresAt * 1000).toISOString(),
          grantTypes: ["authorization_code", "refresh_token"],
        },
      );
    }
    const before = snapshot();
    const tokenFile = readFileSync(cache.tokenPath(name), "utf8");
    const refreshesBefore = emu.stats().CreateToken;
    const operation =
      surface.startsWith("refresh") || surface === "sign-in CreateToken"
        ? "CreateToken"
        : surface === "GetRoleCredentials" || surface === "AssumeRole"
          ? surface
          : "RegisterClient";
    if (surface === "AssumeRole") {
      // The hop's source credentials are sentinels, so that the scans know them and an echo can quote them.
      emu.faults.add({
        operation: "GetRoleCredentials",
        response: {
          body: {
            roleCredentials: {
              accessKeyId: `ASIAFAULTMATRIX${index}`,
              secretAccessKey: secrets.secretAccessKey,
              sessionToken: secrets.sessionToken,
              expiration: Date.now() + 3.6e6,
            },
          },
        },
      });
    }
    emu.faults.add({ operation, ...rule(secrets) });
    const { lines, logger } = recordingLogger();
    const sdkLog = recordingLogger();
    const clientConfig = { logger: sdkLog.logger, requestHandler };

    const settled = surface.startsWith("refresh")
      ? await settle(fromSsoSession({ session: sandbox.session(name), logger, clientConfig })(), HANG_MS)
      : surface === "GetRoleCredentials"
        ? await settle(fromSSO({ ...sandbox.sessionRole(name), logger, clientConfig })(), HANG_MS)
        : surface === "AssumeRole"
          ? await settle(fromSSO({ profile: name, logger, clientConfig })(), HANG_MS)
          : await settle(
              login({
                ssoSession: name,
                flow: "pkce",
                prompt: () => undefined,
                // The browser: the emulator approves at once and redirects to login's loopback server.
                openBrowser: (url) => void fetch(url).catch(() => undefined),
                timeoutMs: 10_000,
                logger,
                clientConfig,
              }),
              HANG_MS,
            );

    // What the user would see and what sso-kit logged hold no secret; nor does anything else unless echoed.
    const error = "error" in settled ? (settled.error as Error) : undefined;
    scannedMessages += error === undefined ? 0 : 1;
    scannedLogLines += lines.length;
    scannedSdkLines += sdkLog.lines.length;
    const known = [...Object.values(secrets), ...secretsInFiles(cache.directory)];
    const ours = leakedIn(`${error?.message ?? ""}\n${error?.stack ?? ""}\n${lines.join("\n")}`, known);
    const theirs = leakedIn(
      `${error === undefined ? "" : errorText(error)}\n${sdkLog.lines.join("\n")}`,
      known,
    );
    if (ours.length > 0) leaks.push(`${surface} x ${fault}`);
    if (theirs.length > 0) echoed.push(`${surface} x ${fault}`);
    // The cache is intact: the token file as it was; nothing else changed (a sign-in may add its registration).
    const after = snapshot();
    const changed = [...before].filter(([file, bytes]) => after.get(file) !== bytes).map(([file]) => file);
    const added = [...after.keys()].filter((file) => !before.has(file));
    const registration = basename(
      cache.registrationPath(
        clientRegistrationCacheKey({ startUrl: emu.startUrl, region: emu.region, sessionName: name }),
      ),
    );
    const strayFiles = added.filter((file) => !(surface.startsWith("sign-in") && file === registration));

    let outcome = "unexpected";
    let message: string | undefined;
    if ("hung" in settled) {
      message = `no answer after ${HANG_MS} ms`;
    } else if (surface === "refresh, token still valid") {
      const kept = "value" in settled && (settled.value as { token?: unknown }).token === secrets.accessToken;
      if (kept) outcome = "kept the valid token";
      if (!lines.some((line) => line.startsWith("warn"))) outcome = "unexpected";
    } else if ("error" in settled) {
      const error = settled.error as Error & { tryNextLink?: boolean; reason?: string; code?: string };
      message = error.message;
      if (surface === "refresh, token expired") {
        // Only an ended session tells the user to sign in; a failed service or a wrong endpoint never does.
        const signIn = /sso-kit login|aws sso login/.test(message);
        const { signInCommand } = error as { signInCommand?: string };
        if (
          error.name === "TokenProviderError" &&
          error.tryNextLink === false &&
          message.includes(`'${name}'`) &&
          error.reason === expectedRefreshReason(fault) &&
          message.includes("CreateToken") &&
          (error.reason === "SessionEnded"
            ? signIn && signInCommand !== undefined
            : !signIn && signInCommand === undefined && message.includes("left as it is"))
        ) {
          outcome = `TokenProviderError ${error.reason}`;
        }
      } else if (surface === "GetRoleCredentials") {
        if (
          error instanceof SsoCredentialsProviderError &&
          error.tryNextLink === false &&
          message.includes(emu.accounts[0]!.accountId)
        ) {
          outcome = `SsoCredentialsProviderError ${error.reason}`;
        }
      } else if (surface === "AssumeRole") {
        if (
          error instanceof SsoCredentialsProviderError &&
          error.tryNextLink === false &&
          error.reason === expectedAssumeRoleReason(fault) &&
          message.includes(assumedRoleArn())
        ) {
          outcome = `SsoCredentialsProviderError ${error.reason}`;
        }
      } else if (error instanceof LoginError && !message.includes("\n") && message.length > 20) {
        outcome = `LoginError ${error.code}`;
      }
    }
    results.push({ surface, fault, outcome, ...(message !== undefined && { message }) });

    expect({ outcome, message }).not.toMatchObject({ outcome: "unexpected" });
    expect(ours).toEqual([]);
    if (!fault.includes(ECHO)) expect(theirs).toEqual([]);
    if (surface === "GetRoleCredentials" && fault.startsWith("UnauthorizedException")) {
      // A token the cache calls valid, rejected: fromSSO refreshed it once (then retried once), and saved it.
      expect(changed).toEqual([basename(cache.tokenPath(name))]);
      expect(emu.stats().CreateToken - refreshesBefore).toBe(1);
    } else {
      expect(changed).toEqual([]);
      expect(readFileSync(cache.tokenPath(name), "utf8")).toBe(tokenFile);
    }
    expect(strayFiles).toEqual([]);
  },
);
