import type { Logger } from "@smithy/types";
import type { RoleHop } from "../config/RoleHop.js";
import { SsoCredentialsProviderError } from "../errors/SsoCredentialsProviderError.js";
import type { RoleCredentials } from "../portal/RoleCredentials.js";

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const nonEmpty = (value: unknown): value is string => typeof value === "string" && value.length > 0;

/**
 * Reads an `AssumeRole` reply into {@link RoleCredentials}, or throws an `InvalidCredentials` error naming the
 * missing or malformed fields (never their values). `Expiration` is the `Date` the STS client deserialized.
 */
export const parseAssumeRoleCredentials = (
  output: unknown,
  hop: RoleHop,
  logger: Logger | undefined,
): RoleCredentials => {
  const credentials = isRecord(output) ? output.Credentials : undefined;
  const fields = isRecord(credentials) ? credentials : {};
  const { AccessKeyId, SecretAccessKey, SessionToken, Expiration } = fields;
  const expiration = Expiration instanceof Date ? Expiration.getTime() : Number.NaN;
  const invalid = [
    !nonEmpty(AccessKeyId) && "AccessKeyId",
    !nonEmpty(SecretAccessKey) && "SecretAccessKey",
    !nonEmpty(SessionToken) && "SessionToken",
    !(expiration > 0) && "Expiration",
  ].filter((name) => name !== false);
  if (!nonEmpty(AccessKeyId) || !nonEmpty(SecretAccessKey) || !nonEmpty(SessionToken) || invalid.length > 0) {
    const detail = isRecord(credentials)
      ? `missing or malformed: ${invalid.join(", ")}`
      : "the reply has no Credentials";
    throw new SsoCredentialsProviderError(
      `AssumeRole returned invalid temporary credentials for ${hop.roleArn} (profile '${hop.profileName}'; ` +
        `${detail}).`,
      { reason: "InvalidCredentials", logger },
    );
  }
  // Informative only: kept for the shared cache file when well-formed, otherwise left out.
  const user = isRecord(output) && isRecord(output.AssumedRoleUser) ? output.AssumedRoleUser : {};
  const { Arn, AssumedRoleId } = user;
  return {
    accessKeyId: AccessKeyId,
    secretAccessKey: SecretAccessKey,
    sessionToken: SessionToken,
    expiration,
    ...(nonEmpty(Arn) &&
      nonEmpty(AssumedRoleId) && { assumedRoleUser: { arn: Arn, assumedRoleId: AssumedRoleId } }),
  };
};
