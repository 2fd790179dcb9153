import { formatTimestamp } from "@sso-kit/token-provider/internal";
import type { CachedRoleCredentials } from "@sso-kit/credential-provider/internal";

/**
 * The `credential_process` output (Version 1) for `credentials`: the JSON document the AWS SDKs and CLI read from
 * the stdout of the process named in a profile's `credential_process` setting.
 */
export function formatCredentialProcessJson(credentials: CachedRoleCredentials): string {
  return JSON.stringify(
    {
      Version: 1,
      AccessKeyId: credentials.accessKeyId,
      SecretAccessKey: credentials.secretAccessKey,
      SessionToken: credentials.sessionToken,
      Expiration: formatTimestamp(credentials.expiration),
    },
    null,
    2,
  );
}
