import type { AccountDefinition, EmulatorOptions } from "../EmulatorOptions.js";
import type { ResolvedEmulatorOptions } from "./ResolvedEmulatorOptions.js";
import { defaultAccounts } from "./defaultAccounts.js";
import { generatedAccounts, MAX_GENERATED_ACCOUNTS } from "./generatedAccounts.js";
import { resolvePortalRateLimit } from "./resolvePortalRateLimit.js";
import { resolveRoleConditions, resolveTrust } from "./resolveTrust.js";

/**
 * Validates {@link EmulatorOptions} (they may come from a CLI or untyped JavaScript) and fills in the defaults.
 * Throws a `TypeError` naming the option and what it needs.
 */
export const resolveEmulatorOptions = (options: EmulatorOptions = {}): ResolvedEmulatorOptions => {
  if (typeof options !== "object" || options === null) {
    throw new TypeError("startEmulator(options) needs an options object or nothing");
  }
  const startUrl = optionalString(options.startUrl, "startUrl") ?? "https://d-0000000000.awsapps.com/start";
  if (!/^https:\/\/[^\s/]+/.test(startUrl)) {
    throw new TypeError(`startUrl must be an https URL, got ${JSON.stringify(startUrl)}`);
  }
  return {
    port: integer(options.port, "port", 0, 0, 65535),
    region: regionOf(optionalString(options.region, "region") ?? "us-east-1"),
    startUrl,
    accounts: accountsOf(
      options.accounts,
      integer(options.generateAccounts, "generateAccounts", 0, 0, MAX_GENERATED_ACCOUNTS),
    ),
    accessTokenTtlSeconds: integer(options.accessTokenTtlSeconds, "accessTokenTtlSeconds", 3600, 1),
    roleCredentialsTtlSeconds: integer(
      options.roleCredentialsTtlSeconds,
      "roleCredentialsTtlSeconds",
      3600,
      1,
    ),
    clientRegistrationTtlSeconds: integer(
      options.clientRegistrationTtlSeconds,
      "clientRegistrationTtlSeconds",
      90 * 24 * 3600,
      1,
    ),
    deviceCodeTtlSeconds: integer(options.deviceCodeTtlSeconds, "deviceCodeTtlSeconds", 600, 1),
    deviceCodeIntervalSeconds: integer(options.deviceCodeIntervalSeconds, "deviceCodeIntervalSeconds", 1, 0),
    rotateRefreshTokens: boolean(options.rotateRefreshTokens, "rotateRefreshTokens", true),
    autoApprove: boolean(options.autoApprove, "autoApprove", false),
    pageSize: integer(options.pageSize, "pageSize", 2, 1, 1000),
    userName: userNameOf(optionalString(options.userName, "userName") ?? "emulator-user"),
    maxBodyBytes: integer(options.maxBodyBytes, "maxBodyBytes", 64 * 1024, 1),
    bodyTimeoutMs: integer(options.bodyTimeoutMs, "bodyTimeoutMs", 10_000, 1),
    portalRateLimit: resolvePortalRateLimit(options.portalRateLimit),
    trust: resolveTrust(options.trust),
    roleConditions: resolveRoleConditions(options.roleConditions),
  };
};

const optionalString = (value: unknown, name: string): string | undefined => {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || value === "") {
    throw new TypeError(`${name} must be a non-empty string, got ${JSON.stringify(value)}`);
  }
  return value;
};

const integer = (
  value: unknown,
  name: string,
  fallback: number,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
) => {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw new TypeError(`${name} must be an integer from ${min} to ${max}, got ${JSON.stringify(value)}`);
  }
  return value;
};

const boolean = (value: unknown, name: string, fallback: boolean): boolean => {
  if (value === undefined) return fallback;
  if (typeof value !== "boolean")
    throw new TypeError(`${name} must be true or false, got ${JSON.stringify(value)}`);
  return value;
};

const regionOf = (region: string): string => {
  if (!/^[a-z]{2}(-[a-z0-9]+)+-\d+$/.test(region)) {
    throw new TypeError(`region must look like "us-east-1", got ${JSON.stringify(region)}`);
  }
  return region;
};

const userNameOf = (userName: string): string => {
  if (!/^[\w+=,.@-]{2,64}$/.test(userName)) {
    throw new TypeError(
      `userName must be 2-64 characters of [A-Za-z0-9_+=,.@-], got ${JSON.stringify(userName)}`,
    );
  }
  return userName;
};

const accountsOf = (value: unknown, generate: number): readonly AccountDefinition[] => {
  if (value === undefined && generate === 0) return freeze(defaultAccounts());
  if (value !== undefined && !Array.isArray(value)) {
    throw new TypeError("accounts must be an array of account definitions");
  }
  const given: unknown[] = Array.isArray(value) ? value : [];
  const seen = new Set<string>();
  const accounts = [...given, ...generatedAccounts(generate)].map(
    (entry: unknown, index): AccountDefinition => {
      const where = `accounts[${index}]`;
      if (typeof entry !== "object" || entry === null) throw new TypeError(`${where} must be an object`);
      const { accountId, accountName, emailAddress, roles } = entry as Record<string, unknown>;
      if (typeof accountId !== "string" || !/^\d{12}$/.test(accountId)) {
        throw new TypeError(`${where}.accountId must be a 12-digit string, got ${JSON.stringify(accountId)}`);
      }
      if (seen.has(accountId)) throw new TypeError(`${where}.accountId ${accountId} appears twice`);
      seen.add(accountId);
      const name = optionalString(accountName, `${where}.accountName`) ?? `Account ${accountId}`;
      const email = optionalString(emailAddress, `${where}.emailAddress`) ?? `${accountId}@example.com`;
      if (
        !Array.isArray(roles) ||
        roles.some((role) => typeof role !== "string" || !/^[\w+=,.@-]{1,64}$/.test(role))
      ) {
        throw new TypeError(
          `${where}.roles must be an array of role names ([A-Za-z0-9_+=,.@-], 1-64 characters)`,
        );
      }
      return { accountId, accountName: name, emailAddress: email, roles: [...new Set(roles as string[])] };
    },
  );
  return freeze(accounts);
};

const freeze = (accounts: AccountDefinition[]): readonly AccountDefinition[] =>
  Object.freeze(
    accounts.map((account) =>
      Object.freeze({ ...account, roles: Object.freeze([...account.roles]) as string[] }),
    ),
  );
