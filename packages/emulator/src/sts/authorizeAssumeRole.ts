import type { EmulatorState } from "../state/EmulatorState.js";
import type { IssuedCredential } from "../state/CredentialStore.js";
import type { AssumeRoleInput } from "./parseAssumeRoleInput.js";
import { stsError } from "./stsError.js";

/**
 * Decides whether the session `caller` may assume the requested role, as the role's trust policy would: the role
 * must exist (be in the directory, or named in `trust` or `roleConditions`), trust the caller (by default every
 * role of the directory trusts every other; the `trust` option narrows that), and have its conditions met
 * (`ExternalId`, MFA). Throws STS's AccessDenied otherwise.
 */
export const authorizeAssumeRole = (
  state: EmulatorState,
  caller: IssuedCredential,
  input: AssumeRoleInput,
): void => {
  const { trust, roleConditions, accounts } = state.options;
  const denied = () =>
    stsError(
      "AccessDenied",
      `User: arn:aws:sts::${caller.accountId}:assumed-role/${caller.roleName}/${caller.userName} is not ` +
        `authorized to perform: sts:AssumeRole on resource: ${input.roleArn}`,
    );
  const inDirectory =
    input.role.path === "/" &&
    accounts.some(
      (account) => account.accountId === input.role.accountId && account.roles.includes(input.role.roleName),
    );
  const conditions = roleConditions.get(input.roleArn);
  if (trust === undefined) {
    if (!inDirectory && conditions === undefined) throw denied();
  } else {
    const principals = trust.get(input.roleArn) ?? [];
    const trusted = principals.some(
      (principal) =>
        principal === "*" ||
        principal === caller.roleArn ||
        principal === `arn:aws:iam::${caller.accountId}:root`,
    );
    if (!trusted) throw denied();
  }
  if (conditions?.externalId !== undefined && input.externalId !== conditions.externalId) throw denied();
  if (conditions?.mfaTokenCode !== undefined) {
    if (input.serialNumber === undefined && input.tokenCode === undefined) throw denied();
    if (input.serialNumber === undefined || input.tokenCode === undefined) {
      throw stsError(
        "AccessDenied",
        "MultiFactorAuthentication failed, must provide both MFA serial number and one time pass code.",
      );
    }
    if (input.tokenCode !== conditions.mfaTokenCode) {
      throw stsError(
        "AccessDenied",
        "MultiFactorAuthentication failed with invalid MFA one time pass code. ",
      );
    }
  }
};
