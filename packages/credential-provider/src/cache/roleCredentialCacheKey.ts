// node:crypto through nodeCrypto(): loaded on the first key, not when fromSSO is imported (test/credential-provider/lazyLoad).
import { nodeCrypto } from "@sso-kit/token-provider/internal/core";
import { pythonSortedJson } from "./pythonSortedJson.js";

/** What identifies cached role credentials: the role, and the SSO session or (legacy profiles) start URL. */
export type RoleCredentialCacheKeyInput =
  | { accountId: string; roleName: string; sessionName: string }
  | { accountId: string; roleName: string; startUrl: string };

/**
 * The file name stem (without `.json`) of cached role credentials in `~/.aws/cli/cache`, the same one the AWS CLI
 * uses, so both tools share one cache: the SHA-1 of the compact JSON of the input with its keys sorted, written as
 * Python's `json.dumps(..., sort_keys=True, separators=(",", ":"))` writes it (non-ASCII escaped as `\uXXXX`).
 */
export function roleCredentialCacheKey(input: RoleCredentialCacheKeyInput): string {
  return nodeCrypto().createHash("sha1").update(pythonSortedJson(input, true)).digest("hex");
}
