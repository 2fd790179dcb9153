import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { EmulatorOptions } from "../EmulatorOptions.js";

/** What the command line asks for. */
export type CliCommand =
  { kind: "help" } | { kind: "run"; options: EmulatorOptions } | { kind: "error"; message: string };

/** The `--help` text. */
export const CLI_USAGE = `Usage: sso-kit-emulator [options]

Runs a local emulator of AWS IAM Identity Center (SSO portal, SSO-OIDC) and STS on 127.0.0.1.

Options:
  --port N                   port to listen on (default: a free one)
  --region R                 region (default: us-east-1)
  --start-url URL            start URL to advertise (default: https://d-0000000000.awsapps.com/start)
  --accounts FILE            JSON file: [{"accountId","accountName","emailAddress","roles":[...]}]
  --auto-approve             approve device codes and authorize requests without a browser
  --no-rotate                keep refresh tokens across refreshes (default: rotate them)
  --access-token-ttl S       access token lifetime in seconds (default: 3600)
  --role-credentials-ttl S   role credentials lifetime in seconds (default: 3600)
  --registration-ttl S       client registration lifetime in seconds (default: 7776000)
  --device-code-ttl S        device code lifetime in seconds (default: 600)
  --device-code-interval S   device code polling interval in seconds (default: 1)
  --page-size N              default ListAccounts / ListAccountRoles page size (default: 2)
  --user-name NAME           signed-in user name (STS role session name; default: emulator-user)
  --generate-accounts N      add N generated accounts (100000000001 "Account 0001", ...) to the directory
  --portal-rate-limit RPS    throttle the portal operations to RPS requests per second, 0 or off for none
                             (default: 20, as AWS, with a burst of 100)
  --portal-burst N           requests the portal's rate limit lets through at once (default: RPS rounded up)
  --trust FILE               JSON file: STS AssumeRole trust, {"<role ARN>": ["<principal>", ...]}
  --role-conditions FILE     JSON file: {"<role ARN>": {"externalId"?, "mfaTokenCode"?}}
  -h, --help                 show this help
`;

const INTEGER_OPTIONS = {
  port: "port",
  "access-token-ttl": "accessTokenTtlSeconds",
  "role-credentials-ttl": "roleCredentialsTtlSeconds",
  "registration-ttl": "clientRegistrationTtlSeconds",
  "device-code-ttl": "deviceCodeTtlSeconds",
  "device-code-interval": "deviceCodeIntervalSeconds",
  "page-size": "pageSize",
  "generate-accounts": "generateAccounts",
} as const;

/** Parses the emulator's command line with `util.parseArgs`; option values are validated by `startEmulator`. */
export const parseCliArgs = (args: string[]): CliCommand => {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: "string" },
        region: { type: "string" },
        "start-url": { type: "string" },
        accounts: { type: "string" },
        "auto-approve": { type: "boolean" },
        "no-rotate": { type: "boolean" },
        "access-token-ttl": { type: "string" },
        "role-credentials-ttl": { type: "string" },
        "registration-ttl": { type: "string" },
        "device-code-ttl": { type: "string" },
        "device-code-interval": { type: "string" },
        "page-size": { type: "string" },
        "user-name": { type: "string" },
        "generate-accounts": { type: "string" },
        "portal-rate-limit": { type: "string" },
        "portal-burst": { type: "string" },
        trust: { type: "string" },
        "role-conditions": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    return { kind: "error", message: (error as Error).message };
  }
  if (values.help === true) return { kind: "help" };
  const options: EmulatorOptions = {};
  for (const [flag, key] of Object.entries(INTEGER_OPTIONS)) {
    const raw = values[flag];
    if (typeof raw !== "string") continue;
    if (!/^\d+$/.test(raw)) return { kind: "error", message: `--${flag} needs a whole number, got "${raw}"` };
    options[key] = Number(raw);
  }
  if (typeof values.region === "string") options.region = values.region;
  if (typeof values["start-url"] === "string") options.startUrl = values["start-url"];
  if (typeof values["user-name"] === "string") options.userName = values["user-name"];
  if (values["auto-approve"] === true) options.autoApprove = true;
  if (values["no-rotate"] === true) options.rotateRefreshTokens = false;
  const rate = values["portal-rate-limit"];
  const burst = values["portal-burst"];
  if (typeof burst === "string" && typeof rate !== "string") {
    return { kind: "error", message: "--portal-burst needs --portal-rate-limit" };
  }
  if (rate === "off" || rate === "0") {
    if (typeof burst === "string")
      return { kind: "error", message: "--portal-burst needs a rate limit, not off" };
    options.portalRateLimit = false;
  } else if (typeof rate === "string") {
    if (!/^\d+(\.\d+)?$/.test(rate)) {
      return {
        kind: "error",
        message: `--portal-rate-limit needs a number of requests per second, or off, got "${rate}"`,
      };
    }
    if (typeof burst === "string" && !/^\d+$/.test(burst)) {
      return { kind: "error", message: `--portal-burst needs a whole number, got "${burst}"` };
    }
    options.portalRateLimit = {
      requestsPerSecond: Number(rate),
      ...(typeof burst === "string" ? { burst: Number(burst) } : {}),
    };
  }
  // Option files are parsed here and validated (with the option's name) by startEmulator.
  for (const [flag, key] of [
    ["accounts", "accounts"],
    ["trust", "trust"],
    ["role-conditions", "roleConditions"],
  ] as const) {
    const file = values[flag];
    if (typeof file !== "string") continue;
    try {
      options[key] = JSON.parse(readFileSync(file, "utf8")) as never;
    } catch (error) {
      return { kind: "error", message: `--${flag}: cannot read ${file}: ${(error as Error).message}` };
    }
  }
  return { kind: "run", options };
};
