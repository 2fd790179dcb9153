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
      portalRateLimit: { requestsPerSecond: 20, burst: 100 },
      trust: undefined,
      roleConditions: new Map(),
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

  it("generates a directory of N accounts with stable names, after any given accounts", () => {
    const { accounts } = resolveEmulatorOptions({ generateAccounts: 1000 });
    expect(accounts).toHaveLength(1000);
    expect(accounts[0]).toEqual({
      accountId: "100000000001",
      accountName: "Account 0001",
      emailAddress: "account-0001@example.com",
      roles: ["AdministratorAccess", "ReadOnly"],
    });
    expect(accounts[999]).toMatchObject({ accountId: "100000001000", accountName: "Account 1000" });
    const mixed = resolveEmulatorOptions({
      accounts: [
        { accountId: "123456789012", accountName: "Hub", emailAddress: "hub@example.com", roles: ["Hub"] },
      ],
      generateAccounts: 2,
    }).accounts;
    expect(mixed.map((account) => account.accountId)).toEqual([
      "123456789012",
      "100000000001",
      "100000000002",
    ]);
  });

  it("resolves the portal rate limit: AWS's 20 a second unless turned off", () => {
    expect(resolveEmulatorOptions({ portalRateLimit: false }).portalRateLimit).toBeUndefined();
    expect(
      resolveEmulatorOptions({ portalRateLimit: { requestsPerSecond: 0 } }).portalRateLimit,
    ).toBeUndefined();
    expect(resolveEmulatorOptions({ portalRateLimit: { requestsPerSecond: 20 } }).portalRateLimit).toEqual({
      requestsPerSecond: 20,
      burst: 20,
    });
    expect(
      resolveEmulatorOptions({ portalRateLimit: { requestsPerSecond: 0.5, burst: 3 } }).portalRateLimit,
    ).toEqual({ requestsPerSecond: 0.5, burst: 3 });
  });

  it("resolves trust, writing bare account ids as root principals", () => {
    const resolved = resolveEmulatorOptions({
      trust: {
        "arn:aws:iam::222222222222:role/Deploy": ["arn:aws:iam::111111111111:role/Hub", "333333333333", "*"],
      },
      roleConditions: {
        "arn:aws:iam::222222222222:role/Deploy": { externalId: "ext-1", mfaTokenCode: "123456" },
      },
    });
    expect([...(resolved.trust ?? [])]).toEqual([
      [
        "arn:aws:iam::222222222222:role/Deploy",
        ["arn:aws:iam::111111111111:role/Hub", "arn:aws:iam::333333333333:root", "*"],
      ],
    ]);
    expect(resolved.roleConditions.get("arn:aws:iam::222222222222:role/Deploy")).toEqual({
      externalId: "ext-1",
      mfaTokenCode: "123456",
    });
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
    ["generateAccounts", { generateAccounts: 10000 }],
    ["appears twice", { accounts: [{ accountId: "100000000001", roles: [] } as never], generateAccounts: 1 }],
    ["requestsPerSecond", { portalRateLimit: { requestsPerSecond: -1 } }],
    ["burst", { portalRateLimit: { requestsPerSecond: 1, burst: 0.5 } }],
    ["portalRateLimit", { portalRateLimit: 20 as never }],
    ["trust key", { trust: { "arn:aws:iam::1:role/X": [] } }],
    ["principal", { trust: { "arn:aws:iam::222222222222:role/X": ["someone"] } }],
    ["mfaTokenCode", { roleConditions: { "arn:aws:iam::222222222222:role/X": { mfaTokenCode: "12" } } }],
    ["externalId", { roleConditions: { "arn:aws:iam::222222222222:role/X": { externalId: "a b" } } }],
  ])("names %s when it is invalid", (name, options) => {
    expect(() => resolveEmulatorOptions(options)).toThrow(new RegExp(name));
  });
});
