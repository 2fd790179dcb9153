import type { CachedRoleCredentials } from "./CachedRoleCredentials.js";

/** The outcome of {@link parseRoleCredentialCacheFile}: the credentials, or why the file cannot be used. */
export type ParsedRoleCredentialCacheFile =
  | { readonly ok: true; readonly credentials: CachedRoleCredentials }
  | { readonly ok: false; readonly reason: string };

/**
 * Checks that `value` (the parsed JSON of a `~/.aws/cli/cache/<key>.json` file) is cached SSO role credentials,
 * `{"ProviderType":"sso","Credentials":{"AccessKeyId","SecretAccessKey","SessionToken","Expiration"}}`, and returns
 * them typed. Anything else (another provider's entry, a missing field, an unparseable date) is reported, never
 * cast; the reason names the problem and holds no value from the file.
 */
export function parseRoleCredentialCacheFile(value: unknown): ParsedRoleCredentialCacheFile {
  if (!isRecord(value)) return invalid("not a JSON object");
  if (value.ProviderType !== "sso") return invalid('ProviderType is not "sso"');
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
  const expiration = new Date(expirationText);
  if (Number.isNaN(expiration.getTime())) return invalid("Credentials.Expiration is not a date");
  const accountId = credentials.AccountId;
  if (accountId !== undefined && typeof accountId !== "string")
    return invalid("Credentials.AccountId is not a string");
  return {
    ok: true,
    credentials: {
      accessKeyId,
      secretAccessKey,
      sessionToken,
      expiration,
      ...(accountId ? { accountId } : {}),
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
