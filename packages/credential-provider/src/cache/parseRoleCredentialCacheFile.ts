import type { CachedRoleCredentials, RoleCredentialCacheEntry } from "./CachedRoleCredentials.js";

/** The outcome of {@link parseRoleCredentialCacheFile}: the credentials, or why the file cannot be used. */
export type ParsedRoleCredentialCacheFile =
  | { readonly ok: true; readonly credentials: CachedRoleCredentials }
  | { readonly ok: false; readonly reason: string };

/** The AWS CLI writes assumed-role expiries with Python's `%Z`: `2026-12-06T11:00:00UTC`. */
const PYTHON_UTC = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?)UTC$/;

/**
 * Checks that `value` (the parsed JSON of a `~/.aws/cli/cache/<key>.json` file) is a cached entry of the `entry`
 * kind and returns its credentials typed: `sso` (default),
 * `{"ProviderType":"sso","Credentials":{"AccessKeyId","SecretAccessKey","SessionToken","Expiration"}}`;
 * `assume-role`, the AssumeRole reply as the AWS CLI stores it, `{"Credentials":{...},"AssumedRoleUser":{...}}`
 * with no ProviderType. Anything else (another provider's entry, a missing field, an unparseable date) is
 * reported, never cast; the reason names the problem and holds no value from the file.
 */
export function parseRoleCredentialCacheFile(
  value: unknown,
  entry: RoleCredentialCacheEntry = "sso",
): ParsedRoleCredentialCacheFile {
  if (!isRecord(value)) return invalid("not a JSON object");
  if (entry === "sso" && value.ProviderType !== "sso") return invalid('ProviderType is not "sso"');
  if (entry === "assume-role" && value.ProviderType !== undefined) {
    return invalid("ProviderType is set: not an assumed-role entry");
  }
  const credentials = value.Credentials;
  if (!isRecord(credentials)) return invalid("Credentials is not an object");
  const accessKeyId = nonEmptyString(credentials.AccessKeyId);
  const secretAccessKey = nonEmptyString(credentials.SecretAccessKey);
  const sessionToken = nonEmptyString(credentials.SessionToken);
  const expirationText = nonEmptyString(credentials.Expiration);
  if (accessKeyId === undefined) return invalid("Credentials.AccessKeyId is not a non-empty string");
  if (secretAccessKey === undefined) return invalid("Credentials.SecretAccessKey is not a non-empty string");
  if (sessionToken === undefined) return invalid("Credentials.SessionToken is not a non-empty string");
  if (expirationText === undefined) return invalid("Credentials.Expiration is not a non-empty string");
  const expiration = new Date(expirationText.replace(PYTHON_UTC, "$1Z"));
  if (Number.isNaN(expiration.getTime())) return invalid("Credentials.Expiration is not a date");
  const accountId = credentials.AccountId;
  if (accountId !== undefined && typeof accountId !== "string")
    return invalid("Credentials.AccountId is not a string");
  // Informative only (nothing signs with it): kept when well-formed, otherwise left out.
  const user = entry === "assume-role" && isRecord(value.AssumedRoleUser) ? value.AssumedRoleUser : {};
  const arn = nonEmptyString(user.Arn);
  const assumedRoleId = nonEmptyString(user.AssumedRoleId);
  const assumedRoleUser = arn && assumedRoleId ? { arn, assumedRoleId } : undefined;
  return {
    ok: true,
    credentials: {
      accessKeyId,
      secretAccessKey,
      sessionToken,
      expiration,
      ...(accountId ? { accountId } : {}),
      ...(assumedRoleUser ? { assumedRoleUser } : {}),
    },
  };
}

function invalid(reason: string): ParsedRoleCredentialCacheFile {
  return { ok: false, reason };
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
