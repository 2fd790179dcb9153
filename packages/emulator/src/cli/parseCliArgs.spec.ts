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
      },
    });
    expect(parseCliArgs([])).toEqual({ kind: "run", options: {} });
  });

  it("reads the directory from --accounts", () => {
    const dir = mkdtempSync(join(tmpdir(), "emu-cli-"));
    try {
      const file = join(dir, "accounts.json");
      const accounts = [
        { accountId: "123456789012", accountName: "A", emailAddress: "a@example.com", roles: ["R"] },
      ];
      writeFileSync(file, JSON.stringify(accounts));
      expect(parseCliArgs(["--accounts", file])).toEqual({ kind: "run", options: { accounts } });
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
    expect(parseCliArgs(["--port", "abc"])).toEqual({
      kind: "error",
      message: '--port needs a whole number, got "abc"',
    });
  });
});
