import { createHash } from "node:crypto";

const ROLE_ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/** A stable role id (`AROA` + 17 characters) derived from the account and role, as IAM gives every role one. */
export const roleIdOf = (accountId: string, roleName: string): string => {
  const digest = createHash("sha256").update(`${accountId}/${roleName}`).digest();
  let id = "AROA";
  for (let i = 0; i < 17; i += 1) id += ROLE_ID_ALPHABET[(digest[i] ?? 0) % ROLE_ID_ALPHABET.length];
  return id;
};
