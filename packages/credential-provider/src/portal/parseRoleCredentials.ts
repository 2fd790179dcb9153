import type { Logger } from "@smithy/types";
import type { RoleTarget } from "../config/RoleTarget.js";
import { describeTarget } from "../config/describeTarget.js";
import { SsoCredentialsProviderError } from "../errors/SsoCredentialsProviderError.js";
import type { RoleCredentials } from "./RoleCredentials.js";

type Fields = Record<string, unknown>;

const isRecord = (value: unknown): value is Fields =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A non-empty string field, or `undefined` after noting its name in `invalid`. */
const stringField = (fields: Fields, name: string, invalid: string[]): string | undefined => {
  const value = fields[name];
  if (typeof value === "string" && value.length > 0) return value;
  invalid.push(name);
  return undefined;
};

/** A positive finite number field (epoch milliseconds), or `undefined` after noting its name in `invalid`. */
const epochMillisField = (fields: Fields, name: string, invalid: string[]): number | undefined => {
  const value = fields[name];
  if (typeof value === "number" && Number.isFinite(value) && value > 0) return value;
  invalid.push(name);
  return undefined;
};

/**
 * Reads a GetRoleCredentials reply into {@link RoleCredentials}, or throws an `InvalidCredentials` error naming
 * the missing or malformed fields (never their values). `expiration` must be epoch milliseconds.
 */
export const parseRoleCredentials = (
  output: unknown,
  target: RoleTarget,
  logger: Logger | undefined,
): RoleCredentials => {
  const roleCredentials = isRecord(output) ? output.roleCredentials : undefined;
  const fields = isRecord(roleCredentials) ? roleCredentials : {};
  const invalid: string[] = [];
  const accessKeyId = stringField(fields, "accessKeyId", invalid);
  const secretAccessKey = stringField(fields, "secretAccessKey", invalid);
  const sessionToken = stringField(fields, "sessionToken", invalid);
  const expiration = epochMillisField(fields, "expiration", invalid);
  if (
    accessKeyId === undefined ||
    secretAccessKey === undefined ||
    sessionToken === undefined ||
    expiration === undefined
  ) {
    const detail = isRecord(roleCredentials)
      ? `missing or malformed: ${invalid.join(", ")}`
      : "the reply has no roleCredentials";
    throw new SsoCredentialsProviderError(
      `GetRoleCredentials returned invalid temporary credentials for ${describeTarget(target)} (${detail}).`,
      { reason: "InvalidCredentials", logger },
    );
  }
  const { credentialScope } = fields;
  return {
    accessKeyId,
    secretAccessKey,
    sessionToken,
    expiration,
    ...(typeof credentialScope === "string" && credentialScope.length > 0 ? { credentialScope } : {}),
  };
};
