import type { RoleConditions } from "../EmulatorOptions.js";
import { parseRoleArn } from "../sts/parseRoleArn.js";

/** The `trust` option after validation: role ARN -> principals, bare account ids written as root ARNs. */
export type ResolvedTrust = ReadonlyMap<string, readonly string[]>;

/** Validates the `trust` option; `undefined` (everyone in the directory trusted) when it is not given. */
export const resolveTrust = (value: unknown): ResolvedTrust | undefined => {
  if (value === undefined) return undefined;
  const trust = new Map<string, readonly string[]>();
  for (const [roleArn, principals] of entriesOf(value, "trust")) {
    roleArnOrThrow(roleArn, "trust");
    if (!Array.isArray(principals)) {
      throw new TypeError(`trust[${JSON.stringify(roleArn)}] must be an array of principals`);
    }
    trust.set(
      roleArn,
      Object.freeze(principals.map((principal: unknown) => principalOf(principal, roleArn))),
    );
  }
  return trust;
};

/** Validates the `roleConditions` option. */
export const resolveRoleConditions = (value: unknown): ReadonlyMap<string, RoleConditions> => {
  const conditions = new Map<string, RoleConditions>();
  if (value === undefined) return conditions;
  for (const [roleArn, entry] of entriesOf(value, "roleConditions")) {
    roleArnOrThrow(roleArn, "roleConditions");
    const where = `roleConditions[${JSON.stringify(roleArn)}]`;
    if (typeof entry !== "object" || entry === null) throw new TypeError(`${where} must be an object`);
    const { externalId, mfaTokenCode } = entry as Record<string, unknown>;
    if (
      externalId !== undefined &&
      (typeof externalId !== "string" || !/^[\w+=,.@:/-]{2,1224}$/.test(externalId))
    ) {
      throw new TypeError(`${where}.externalId must be 2-1224 characters of [A-Za-z0-9_+=,.@:/-]`);
    }
    if (mfaTokenCode !== undefined && (typeof mfaTokenCode !== "string" || !/^\d{6}$/.test(mfaTokenCode))) {
      throw new TypeError(`${where}.mfaTokenCode must be six digits`);
    }
    conditions.set(
      roleArn,
      Object.freeze({
        ...(externalId === undefined ? {} : { externalId }),
        ...(mfaTokenCode === undefined ? {} : { mfaTokenCode }),
      }),
    );
  }
  return conditions;
};

const entriesOf = (value: unknown, name: string): [string, unknown][] => {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new TypeError(`${name} must be an object keyed by role ARN`);
  }
  return Object.entries(value);
};

const roleArnOrThrow = (roleArn: string, name: string): void => {
  if (parseRoleArn(roleArn) === undefined) {
    throw new TypeError(
      `${name} key ${JSON.stringify(roleArn)} must be a role ARN (arn:aws:iam::<12 digits>:role/<name>)`,
    );
  }
};

const principalOf = (principal: unknown, roleArn: string): string => {
  if (typeof principal === "string") {
    if (principal === "*" || /^arn:aws:iam::\d{12}:root$/.test(principal)) return principal;
    if (/^\d{12}$/.test(principal)) return `arn:aws:iam::${principal}:root`;
    if (parseRoleArn(principal) !== undefined) return principal;
  }
  throw new TypeError(
    `trust[${JSON.stringify(roleArn)}] principal ${JSON.stringify(principal)} must be a role ARN, ` +
      `arn:aws:iam::<account>:root, a 12-digit account id or "*"`,
  );
};
