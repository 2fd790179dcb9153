import type { EmulatorOptions } from "../EmulatorOptions.js";
import { resolveEmulatorOptions } from "./resolveEmulatorOptions.js";

describe("resolveEmulatorOptions", () => {
  it("fills in the documented defaults", () => {
    const resolved = resolveEmulatorOptions();
    expect(resolved).toEqual({
      port: 0,
      region: "us-east-1",
      startUrl: "https://d-0000000000.awsapps.com/start",
      accounts: expect.any(Array),
      accessTokenTtlSeconds: 3600,
      roleCredentialsTtlSeconds: 3600,
      clientRegistrationTtlSeconds: 7776000,
      deviceCodeTtlSeconds: 600,
      deviceCodeIntervalSeconds: 1,
      rotateRefreshTokens: true,
      autoApprove: false,
      pageSize: 2,
      userName: "emulator-user",
      maxBodyBytes: 65536,
      bodyTimeoutMs: 10000,
    });
    expect(resolved.accounts.map((account) => account.accountId)).toEqual([
      "111111111111",
      "222222222222",
      "333333333333",
    ]);
    expect(Object.isFrozen(resolved.accounts[0]?.roles)).toBe(true);
  });

  it("keeps given accounts, filling in names and dropping duplicate roles", () => {
    const { accounts } = resolveEmulatorOptions({
      accounts: [{ accountId: "123456789012", roles: ["A", "A", "B"] } as never],
    });
    expect(accounts).toEqual([
      {
        accountId: "123456789012",
        accountName: "Account 123456789012",
        emailAddress: "123456789012@example.com",
        roles: ["A", "B"],
      },
    ]);
  });

  it.each<[string, EmulatorOptions]>([
    ["port", { port: 70000 }],
    ["region", { region: "mars" }],
    ["startUrl", { startUrl: "http://insecure.example/start" }],
    ["accessTokenTtlSeconds", { accessTokenTtlSeconds: 0 }],
    ["pageSize", { pageSize: 1.5 }],
    ["rotateRefreshTokens", { rotateRefreshTokens: "yes" as never }],
    ["accounts", { accounts: {} as never }],
    ["accountId", { accounts: [{ accountId: "12", accountName: "a", emailAddress: "e", roles: [] }] }],
    [
      "appears twice",
      {
        accounts: [
          { accountId: "123456789012", accountName: "a", emailAddress: "e", roles: [] },
          { accountId: "123456789012", accountName: "b", emailAddress: "e", roles: [] },
        ],
      },
    ],
    [
      "roles",
      { accounts: [{ accountId: "123456789012", accountName: "a", emailAddress: "e", roles: ["bad role"] }] },
    ],
    ["userName", { userName: "x" }],
  ])("names %s when it is invalid", (name, options) => {
    expect(() => resolveEmulatorOptions(options)).toThrow(new RegExp(name));
  });
});
