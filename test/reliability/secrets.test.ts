/**
 * Secrets in the CLI's output: `sso-kit --debug` runs every command's failure paths (portal and SSO-OIDC
 * faults, services echoing the request's secrets, invalid replies, expired sessions) with sentinel tokens,
 * refresh tokens, client secrets, secret keys and session tokens. No secret may appear on stderr, nor on stdout
 * unless the run succeeded at printing credentials (credential-process, export), which is its job.
 * (In-process errors and debug log lines are scanned by the fault matrix.) Runs the BUILT CLI.
 */
import type { FaultRule } from "@sso-kit/emulator";
import { clientRegistrationCacheKey } from "@sso-kit/token-provider/internal";
import { appendFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { LEGACY_PROFILE, PROFILE, Sandbox, SESSION, TOKEN_ONLY_PROFILE, type CliRun } from "../cli/harness";
import { recordFigure } from "./support/figures";
import { requireBuilt } from "../support/requireBuilt";
import { leakedIn, secretsInFiles, sentinelSecrets, type SentinelSecrets } from "../support/secrets";
import { TERMINAL_CONTROLS } from "../support/terminalControls";

interface Scenario {
  name: string;
  args: string[];
  /** The cached SSO token: valid for an hour, expiring within the refresh window, expired, or none. */
  token: "valid" | "expiring" | "expired" | "none";
  fault?: (secrets: SentinelSecrets) => FaultRule | FaultRule[];
  /** Seed a cached device-flow client registration with the sentinel client secret. */
  registration?: boolean;
  /** The exit code the path ends with (proves the failure path was taken). */
  exit: number;
}

const credentialProcess = ["credential-process", "--profile", PROFILE];
const echoAccessToken = (s: SentinelSecrets): FaultRule => ({
  operation: "GetRoleCredentials",
  exception: "UnauthorizedException",
  message: `token ${s.accessToken} is not valid`,
});

/** A chained profile (`role_arn` + `source_profile` = the SSO profile), added to the sandbox's config. */
const CHAIN_PROFILE = "chain";
/** The chain's source credentials are sentinels, so that the scan knows them and an echo can quote them. */
const sentinelSource = (s: SentinelSecrets): FaultRule => ({
  operation: "GetRoleCredentials",
  response: {
    body: {
      roleCredentials: {
        accessKeyId: "ASIASECRETSCAN",
        secretAccessKey: s.secretAccessKey,
        sessionToken: s.sessionToken,
        expiration: Date.now() + 3_600_000,
      },
    },
  },
});
const CHAIN_SCENARIOS: Scenario[] = [
  {
    name: "credential-process on a role chain, AssumeRole AccessDenied echoing the source credentials",
    args: ["credential-process", "--profile", CHAIN_PROFILE],
    token: "valid",
    fault: (s) => [
      sentinelSource(s),
      {
        operation: "AssumeRole",
        exception: "AccessDenied",
        message: `caller ${s.sessionToken} signed with ${s.secretAccessKey} is not trusted`,
      },
    ],
    exit: 1,
  },
  ...(["HTTP 500", "malformed"] as const).map((fault) => ({
    name: `export on a role chain, AssumeRole ${fault}`,
    args: ["export", "--profile", CHAIN_PROFILE],
    token: "valid" as const,
    fault: (s: SentinelSecrets): FaultRule[] => [
      sentinelSource(s),
      fault === "HTTP 500"
        ? { operation: "AssumeRole", status: 500 }
        : { operation: "AssumeRole", body: "malformed" },
    ],
    exit: 1,
  })),
];

const SCENARIOS: Scenario[] = [
  ...CHAIN_SCENARIOS,
  ...(["HTTP 500", "malformed", "truncated", "reset"] as const).map((fault) => ({
    name: `credential-process, GetRoleCredentials ${fault}`,
    args: credentialProcess,
    token: "valid" as const,
    fault: (): FaultRule =>
      fault === "HTTP 500"
        ? { operation: "GetRoleCredentials", status: 500 }
        : fault === "reset"
          ? { operation: "GetRoleCredentials", reset: true }
          : { operation: "GetRoleCredentials", body: fault },
    exit: 1,
  })),
  {
    name: "credential-process, the portal echoes the access token",
    args: credentialProcess,
    token: "valid",
    fault: echoAccessToken,
    exit: 3,
  },
  {
    name: "credential-process, ResourceNotFound echoing the access token",
    args: credentialProcess,
    token: "valid",
    fault: (s) => ({
      operation: "GetRoleCredentials",
      exception: "ResourceNotFoundException",
      message: `no role for ${s.accessToken}`,
    }),
    exit: 1,
  },
  {
    name: "credential-process, credentials without an access key id",
    args: credentialProcess,
    token: "valid",
    fault: (s) => ({
      operation: "GetRoleCredentials",
      response: {
        body: {
          roleCredentials: {
            secretAccessKey: s.secretAccessKey,
            sessionToken: s.sessionToken,
            expiration: Date.now() + 3.6e6,
          },
        },
      },
    }),
    exit: 1,
  },
  {
    name: "credential-process, refresh echoing the refresh token and client secret, token expired",
    args: credentialProcess,
    token: "expired",
    fault: (s) => ({
      operation: "CreateToken",
      exception: "InvalidGrantException",
      message: `refresh token ${s.refreshToken} (client secret ${s.clientSecret}) was revoked`,
    }),
    exit: 3,
  },
  {
    name: "credential-process, refresh HTTP 500, token still valid (kept)",
    args: credentialProcess,
    token: "expiring",
    fault: () => ({ operation: "CreateToken", status: 500 }),
    exit: 0,
  },
  {
    name: "credential-process, refresh with a malformed reply, token expired",
    args: credentialProcess,
    token: "expired",
    fault: () => ({ operation: "CreateToken", body: "malformed" }),
    // A reply that cannot be read is the service failing, not the session ending: try again (exit 1).
    exit: 1,
  },
  { name: "credential-process, not signed in", args: credentialProcess, token: "none", exit: 3 },
  {
    name: "credential-process (legacy profile), the portal echoes the access token",
    args: ["credential-process", "--profile", LEGACY_PROFILE],
    token: "valid",
    fault: echoAccessToken,
    exit: 3,
  },
  {
    name: "export, the portal echoes the access token",
    args: ["export", "--profile", PROFILE],
    token: "valid",
    fault: echoAccessToken,
    exit: 3,
  },
  {
    name: "export (json), GetRoleCredentials reset",
    args: ["export", "--profile", PROFILE, "--format", "json"],
    token: "valid",
    fault: () => ({ operation: "GetRoleCredentials", reset: true }),
    exit: 1,
  },
  {
    name: "ls, ListAccounts echoing the access token",
    args: ["ls", "--profile", TOKEN_ONLY_PROFILE],
    token: "valid",
    fault: (s) => ({
      operation: "ListAccounts",
      exception: "UnauthorizedException",
      message: `token ${s.accessToken} expired`,
    }),
    exit: 3,
  },
  {
    name: "ls, ListAccountRoles HTTP 500",
    args: ["ls", "--profile", TOKEN_ONLY_PROFILE],
    token: "valid",
    fault: () => ({ operation: "ListAccountRoles", status: 500 }),
    exit: 1,
  },
  {
    name: "ls, ListAccounts repeats its nextToken",
    args: ["ls", "--profile", TOKEN_ONLY_PROFILE],
    token: "valid",
    fault: () => ({ operation: "ListAccounts", response: { body: { accountList: [], nextToken: "again" } } }),
    exit: 1,
  },
  {
    name: "ls, ListAccounts without accountList",
    args: ["ls", "--profile", TOKEN_ONLY_PROFILE],
    token: "valid",
    fault: () => ({ operation: "ListAccounts", response: { body: {} } }),
    exit: 1,
  },
  {
    name: "ls, ListAccounts redirects, echoing the access token in the Location",
    args: ["ls", "--profile", TOKEN_ONLY_PROFILE],
    token: "valid",
    fault: (s) => ({
      operation: "ListAccounts",
      response: { status: 302, headers: { location: `https://login.example/?t=${s.accessToken}` }, body: "" },
    }),
    exit: 1,
  },
  {
    name: "ls, ListAccounts error with escape sequences and the access token",
    args: ["ls", "--profile", TOKEN_ONLY_PROFILE],
    token: "valid",
    fault: (s) => ({
      operation: "ListAccounts",
      exception: "InvalidRequestException",
      message: `\u001b]0;${s.accessToken}\u0007\r\nsso-kit: signed in OK`,
    }),
    exit: 1,
  },
  {
    name: "login, StartDeviceAuthorization userCode with escape sequences",
    args: ["login", "--profile", PROFILE, "--use-device-code", "--no-browser"],
    token: "none",
    fault: () => ({
      operation: "StartDeviceAuthorization",
      response: {
        body: {
          deviceCode: "device-code-hostile-1",
          userCode: "AB\u001b[2J",
          verificationUri: "https://x.example/",
          expiresIn: 600,
        },
      },
    }),
    exit: 1,
  },
  {
    name: "login, CreateToken echoing the client secret",
    args: ["login", "--profile", PROFILE, "--use-device-code", "--no-browser"],
    token: "none",
    registration: true,
    fault: (s) => ({
      operation: "CreateToken",
      exception: "InvalidClientException",
      message: `client secret ${s.clientSecret} is wrong`,
    }),
    exit: 1,
  },
  {
    name: "login, StartDeviceAuthorization HTTP 500",
    args: ["login", "--profile", PROFILE, "--use-device-code", "--no-browser"],
    token: "none",
    fault: () => ({ operation: "StartDeviceAuthorization", status: 500 }),
    exit: 1,
  },
  {
    name: "login, RegisterClient truncated reply",
    args: ["login", "--profile", PROFILE, "--use-device-code", "--no-browser"],
    token: "none",
    fault: () => ({ operation: "RegisterClient", body: "truncated" }),
    exit: 1,
  },
  {
    name: "logout, Logout connection reset",
    args: ["logout"],
    token: "valid",
    fault: () => ({ operation: "Logout", reset: true }),
    exit: 0,
  },
];

let sandbox: Sandbox;
beforeAll(async () => {
  requireBuilt("cli", "credential-provider", "token-provider", "login");
  sandbox = await Sandbox.create({ autoApprove: true });
  const target = sandbox.emu.accounts[1]!;
  appendFileSync(
    sandbox.configFile,
    [
      "",
      `[profile ${CHAIN_PROFILE}]`,
      `role_arn = arn:aws:iam::${target.accountId}:role/${target.roles[0]!}`,
      `source_profile = ${PROFILE}`,
      "role_session_name = secrets-scan",
      "",
    ].join("\n"),
  );
});
afterAll(async () => {
  await sandbox?.dispose();
});

const outcomes: Array<{ name: string; code: number | null; leaks: string[] }> = [];
afterAll(() => {
  const leaking = outcomes.filter((o) => o.leaks.length > 0);
  recordFigure({
    id: "secrets-cli",
    summary:
      `${outcomes.length} sso-kit --debug runs through failure paths (${outcomes.filter((o) => o.code !== 0).length} failing): ` +
      `${leaking.length} leaked a secret` +
      (leaking.length === 0 ? "" : ` (${leaking.map((o) => o.name).join("; ")})`),
    data: { outcomes },
  });
});

test.each(SCENARIOS.map((scenario, index) => [scenario.name, scenario, index] as const))(
  "%s: no secret in the output",
  async (_name, scenario, index) => {
    const { emu, tokenCache } = sandbox;
    emu.faults.clear();
    rmSync(join(sandbox.home, ".aws", "sso"), { recursive: true, force: true });
    rmSync(sandbox.roleCredentialCacheDirectory, { recursive: true, force: true });
    const secrets = sentinelSecrets(index);
    if (scenario.token !== "none") {
      const lifetime = { valid: 3_600_000, expiring: 120_000, expired: -60_000 }[scenario.token];
      await sandbox.seedSignIn({
        accessToken: secrets.accessToken,
        refreshToken: secrets.refreshToken,
        clientSecret: secrets.clientSecret,
        clientId: `secrets-client-${index}`,
        expiresAt: new Date(Date.now() + lifetime),
      });
    }
    if (scenario.registration === true) {
      const client = emu.seedClient({ clientSecret: secrets.clientSecret });
      const key = clientRegistrationCacheKey({
        startUrl: emu.startUrl,
        region: emu.region,
        sessionName: SESSION,
        scopes: ["sso:account:access"],
      });
      await tokenCache.writeRegistration(key, {
        clientId: client.clientId,
        clientSecret: client.clientSecret,
        expiresAt: new Date(client.clientSecretExpiresAt * 1000).toISOString(),
        scopes: ["sso:account:access"],
      });
    }
    for (const rule of [scenario.fault?.(secrets) ?? []].flat()) emu.faults.add(rule);

    const run: CliRun = await sandbox.run(["--debug", ...scenario.args]);
    const known = [
      ...Object.values(secrets),
      ...secretsInFiles(tokenCache.directory),
      ...secretsInFiles(sandbox.roleCredentialCacheDirectory),
    ];
    const printsCredentials = run.code === 0 && ["credential-process", "export"].includes(scenario.args[0]!);
    const leaks = leakedIn(printsCredentials ? run.stderr : `${run.stdout}\n${run.stderr}`, known);
    outcomes.push({ name: scenario.name, code: run.code, leaks: leaks.map((s) => `${s.slice(0, 16)}...`) });

    expect({ code: run.code, stderr: run.stderr.includes("sso-kit debug:") }).toEqual({
      code: scenario.exit,
      stderr: true,
    });
    expect(leaks).toEqual([]);
    // Nor does any server text drive the terminal: no control character but LF, no forged line.
    expect(`${run.stdout}${run.stderr}`).not.toMatch(TERMINAL_CONTROLS);
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/^sso-kit: signed in OK/m);
  },
);
