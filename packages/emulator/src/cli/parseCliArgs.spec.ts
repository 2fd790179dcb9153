import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseCliArgs } from "./parseCliArgs.js";

describe("parseCliArgs", () => {
  it("maps every flag onto an emulator option", () => {
    expect(
      parseCliArgs([
        "--port=4100",
        "--region",
        "eu-west-1",
        "--start-url",
        "https://d-1.awsapps.com/start",
        "--auto-approve",
        "--no-rotate",
        "--access-token-ttl",
        "60",
        "--role-credentials-ttl",
        "61",
        "--registration-ttl",
        "62",
        "--device-code-ttl",
        "63",
        "--device-code-interval",
        "0",
        "--page-size",
        "5",
        "--user-name",
        "jane",
        "--generate-accounts",
        "300",
        "--portal-rate-limit",
        "0.5",
        "--portal-burst",
        "4",
      ]),
    ).toEqual({
      kind: "run",
      options: {
        port: 4100,
        region: "eu-west-1",
        startUrl: "https://d-1.awsapps.com/start",
        autoApprove: true,
        rotateRefreshTokens: false,
        accessTokenTtlSeconds: 60,
        roleCredentialsTtlSeconds: 61,
        clientRegistrationTtlSeconds: 62,
        deviceCodeTtlSeconds: 63,
        deviceCodeIntervalSeconds: 0,
        pageSize: 5,
        userName: "jane",
        generateAccounts: 300,
        portalRateLimit: { requestsPerSecond: 0.5, burst: 4 },
      },
    });
    expect(parseCliArgs(["--portal-rate-limit", "20"])).toEqual({
      kind: "run",
      options: { portalRateLimit: { requestsPerSecond: 20 } },
    });
    expect(parseCliArgs([])).toEqual({ kind: "run", options: {} });
    for (const off of ["off", "0"]) {
      expect(parseCliArgs(["--portal-rate-limit", off])).toEqual({
        kind: "run",
        options: { portalRateLimit: false },
      });
    }
  });

  it("reads the directory, trust and role conditions from JSON files", () => {
    const dir = mkdtempSync(join(tmpdir(), "emu-cli-"));
    try {
      const file = join(dir, "accounts.json");
      const accounts = [
        { accountId: "123456789012", accountName: "A", emailAddress: "a@example.com", roles: ["R"] },
      ];
      writeFileSync(file, JSON.stringify(accounts));
      expect(parseCliArgs(["--accounts", file])).toEqual({ kind: "run", options: { accounts } });
      const trust = { "arn:aws:iam::222222222222:role/Deploy": ["arn:aws:iam::111111111111:role/Hub"] };
      const conditions = { "arn:aws:iam::222222222222:role/Deploy": { externalId: "ext-1" } };
      writeFileSync(join(dir, "trust.json"), JSON.stringify(trust));
      writeFileSync(join(dir, "conditions.json"), JSON.stringify(conditions));
      expect(
        parseCliArgs(["--trust", join(dir, "trust.json"), "--role-conditions", join(dir, "conditions.json")]),
      ).toEqual({ kind: "run", options: { trust, roleConditions: conditions } });
      expect(parseCliArgs(["--trust", join(dir, "missing.json")])).toMatchObject({
        kind: "error",
        message: /--trust: cannot read/,
      });
      expect(parseCliArgs(["--accounts", join(dir, "missing.json")])).toMatchObject({
        kind: "error",
        message: /--accounts/,
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("asks for help and reports usage errors", () => {
    expect(parseCliArgs(["--help"])).toEqual({ kind: "help" });
    expect(parseCliArgs(["-h"])).toEqual({ kind: "help" });
    expect(parseCliArgs(["--bogus"])).toMatchObject({ kind: "error", message: /bogus/ });
    expect(parseCliArgs(["positional"])).toMatchObject({ kind: "error" });
    expect(parseCliArgs(["--portal-rate-limit", "fast"])).toMatchObject({
      kind: "error",
      message: /rate-limit/,
    });
    expect(parseCliArgs(["--portal-burst", "3"])).toMatchObject({
      kind: "error",
      message: /needs --portal-rate/,
    });
    expect(parseCliArgs(["--portal-rate-limit", "1", "--portal-burst", "x"])).toMatchObject({
      kind: "error",
    });
    expect(parseCliArgs(["--portal-rate-limit", "off", "--portal-burst", "3"])).toMatchObject({
      kind: "error",
      message: "--portal-burst needs a rate limit, not off",
    });
    expect(parseCliArgs(["--port", "abc"])).toEqual({
      kind: "error",
      message: '--port needs a whole number, got "abc"',
    });
  });
});
