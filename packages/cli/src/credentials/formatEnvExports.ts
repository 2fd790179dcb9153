import { formatTimestamp } from "@sso-kit/token-provider/internal";
import { shellQuote } from "../output/shellQuote.js";
import type { CachedRoleCredentials } from "@sso-kit/credential-provider/internal";

/**
 * `export NAME=value` lines that put `credentials` in the standard AWS environment variables, for
 * `eval "$(sso-kit export --profile P)"` in a POSIX shell.
 */
export function formatEnvExports(credentials: CachedRoleCredentials): string[] {
  return [
    ["AWS_ACCESS_KEY_ID", credentials.accessKeyId],
    ["AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey],
    ["AWS_SESSION_TOKEN", credentials.sessionToken],
    ["AWS_CREDENTIAL_EXPIRATION", formatTimestamp(credentials.expiration)],
  ].map(([name, value]) => `export ${name}=${shellQuote(value ?? "")}`);
}
