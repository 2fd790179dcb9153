import type { AccountDefinition } from "../EmulatorOptions.js";

/** The directory used when no `accounts` option is given. */
export const defaultAccounts = (): AccountDefinition[] => [
  {
    accountId: "111111111111",
    accountName: "Development",
    emailAddress: "dev@example.com",
    roles: ["AdministratorAccess", "ReadOnly"],
  },
  {
    accountId: "222222222222",
    accountName: "Staging",
    emailAddress: "staging@example.com",
    roles: ["AdministratorAccess", "ReadOnly"],
  },
  {
    accountId: "333333333333",
    accountName: "Production",
    emailAddress: "prod@example.com",
    roles: ["ReadOnly"],
  },
];
