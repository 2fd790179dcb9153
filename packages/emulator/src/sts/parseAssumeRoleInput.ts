import { parseRoleArn, type RoleArn } from "./parseRoleArn.js";
import { stsError } from "./stsError.js";

/** The members of an AssumeRole request the emulator acts on, validated. */
export interface AssumeRoleInput {
  roleArn: string;
  role: RoleArn;
  roleSessionName: string;
  durationSeconds: number;
  externalId?: string;
  serialNumber?: string;
  tokenCode?: string;
}

/** The session length AssumeRole gives when `DurationSeconds` is absent. */
const DEFAULT_DURATION_SECONDS = 3600;

/**
 * Validates the awsQuery members of AssumeRole against the constraints of the STS model, collecting every
 * violation into one ValidationError as STS does ("2 validation errors detected: …").
 */
export const parseAssumeRoleInput = (form: URLSearchParams): AssumeRoleInput => {
  const violations: string[] = [];
  const member = (name: string, wire: string, min: number, max: number, pattern?: [RegExp, string]) => {
    const value = form.get(wire) ?? undefined;
    if (value === undefined) return undefined;
    if (value.length < min)
      violations.push(at(value, name, `Member must have length greater than or equal to ${min}`));
    else if (value.length > max)
      violations.push(at(value, name, `Member must have length less than or equal to ${max}`));
    else if (pattern !== undefined && !pattern[0].test(value)) {
      violations.push(at(value, name, `Member must satisfy regular expression pattern: ${pattern[1]}`));
    }
    return value;
  };
  const roleArn = member("roleArn", "RoleArn", 20, 2048);
  const roleSessionName = member("roleSessionName", "RoleSessionName", 2, 64, [
    /^[\w+=,.@-]*$/,
    "[\\w+=,.@-]*",
  ]);
  const externalId = member("externalId", "ExternalId", 2, 1224, [/^[\w+=,.@:/-]*$/, "[\\w+=,.@:\\/-]*"]);
  const serialNumber = member("serialNumber", "SerialNumber", 9, 256, [/^[\w+=/:,.@-]*$/, "[\\w+=/:,.@-]*"]);
  const tokenCode = member("tokenCode", "TokenCode", 6, 6, [/^\d*$/, "[\\d]*"]);
  if (roleArn === undefined)
    violations.push("Value null at 'roleArn' failed to satisfy constraint: Member must not be null");
  if (roleSessionName === undefined) {
    violations.push("Value null at 'roleSessionName' failed to satisfy constraint: Member must not be null");
  }
  const durationSeconds = durationOf(form.get("DurationSeconds"), violations);
  if (violations.length > 0) {
    const count = violations.length === 1 ? "1 validation error" : `${violations.length} validation errors`;
    throw stsError("ValidationError", `${count} detected: ${violations.join("; ")}`);
  }
  const role = parseRoleArn(roleArn ?? "");
  if (role === undefined) throw stsError("ValidationError", `${roleArn ?? ""} is invalid`);
  return {
    roleArn: roleArn ?? "",
    role,
    roleSessionName: roleSessionName ?? "",
    durationSeconds,
    ...(externalId === undefined ? {} : { externalId }),
    ...(serialNumber === undefined ? {} : { serialNumber }),
    ...(tokenCode === undefined ? {} : { tokenCode }),
  };
};

const at = (value: string, name: string, constraint: string): string =>
  `Value '${value}' at '${name}' failed to satisfy constraint: ${constraint}`;

const durationOf = (raw: string | null, violations: string[]): number => {
  if (raw === null) return DEFAULT_DURATION_SECONDS;
  if (!/^-?\d+$/.test(raw)) {
    violations.push(at(raw, "durationSeconds", "Member must be an integer"));
    return DEFAULT_DURATION_SECONDS;
  }
  const value = Number(raw);
  if (value < 900)
    violations.push(at(raw, "durationSeconds", "Member must have value greater than or equal to 900"));
  if (value > 43200) {
    violations.push(at(raw, "durationSeconds", "Member must have value less than or equal to 43200"));
  }
  return value;
};
