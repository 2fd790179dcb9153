import type { AccountDefinition } from "../EmulatorOptions.js";

/** The most accounts `generateAccounts` makes: four-digit numbers keep every generated name stable. */
export const MAX_GENERATED_ACCOUNTS = 9999;

/**
 * `count` accounts whose names depend only on their position, so that a test of a large organisation can name
 * the account it expects: account `n` (from 1) has the id `100000000000 + n` ("100000000001"), the name
 * "Account 0001", the address `account-0001@example.com` and the roles `AdministratorAccess` and `ReadOnly`.
 */
export const generatedAccounts = (count: number): AccountDefinition[] =>
  Array.from({ length: count }, (_, index) => {
    const number = String(index + 1).padStart(4, "0");
    return {
      accountId: String(100_000_000_000 + index + 1),
      accountName: `Account ${number}`,
      emailAddress: `account-${number}@example.com`,
      roles: ["AdministratorAccess", "ReadOnly"],
    };
  });
