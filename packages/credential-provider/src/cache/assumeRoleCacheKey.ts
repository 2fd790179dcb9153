// node:crypto through nodeCrypto(): loaded on the first key, not when fromSSO is imported (test/credential-provider/lazyLoad).
import { nodeCrypto } from "@sso-kit/token-provider/internal/core";
import type { RoleHop } from "../config/RoleHop.js";
import { pythonSortedJson } from "./pythonSortedJson.js";

/** What the AWS CLI keys cached assumed-role credentials by: the AssumeRole parameters read from the profile. */
export type AssumeRoleCacheKeyInput = Pick<
  RoleHop,
  "roleArn" | "roleSessionName" | "externalId" | "mfaSerial" | "durationSeconds"
>;

/**
 * The file name stem (without `.json`) of one hop's assumed-role credentials in `~/.aws/cli/cache`, as the AWS CLI
 * names them: the SHA-1 of the JSON of the AssumeRole parameters the profile sets (`RoleArn`, and when set
 * `RoleSessionName`, `ExternalId`, `SerialNumber`, `DurationSeconds` as a number), keys sorted, written as Python's
 * `json.dumps(..., sort_keys=True)` writes it (with its default `", "` and `": "` separators, unlike the SSO key).
 *
 * The key matches the CLI's for every profile sso-kit chains: like the CLI, it leaves out a session name the
 * profile does not set (each tool then generates its own: `aws-sdk-js-<ms>` here, `botocore-session-<s>` there,
 * visible only in the assumed-role ARN) and the source profile, region and STS endpoint, so chains that assume
 * the same role with the same parameters from different sources share one file, as they do with the CLI.
 */
export function assumeRoleCacheKey(hop: AssumeRoleCacheKeyInput): string {
  const fields: Record<string, string | number> = { RoleArn: hop.roleArn };
  if (hop.roleSessionName !== undefined) fields.RoleSessionName = hop.roleSessionName;
  if (hop.externalId !== undefined) fields.ExternalId = hop.externalId;
  if (hop.mfaSerial !== undefined) fields.SerialNumber = hop.mfaSerial;
  if (hop.durationSeconds !== undefined) fields.DurationSeconds = hop.durationSeconds;
  return nodeCrypto().createHash("sha1").update(pythonSortedJson(fields, false)).digest("hex");
}
