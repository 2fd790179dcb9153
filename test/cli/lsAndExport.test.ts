import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { LEGACY_PROFILE, PROFILE, Sandbox, TOKEN_ONLY_PROFILE } from "./harness";

const accounts = [
  {
    accountId: "111111111111",
    accountName: "prod",
    emailAddress: "prod@example.com",
    roles: ["ReadOnly", "Admin"],
  },
  { accountId: "222222222222", accountName: "dev", emailAddress: "dev@example.com", roles: ["Developer"] },
  { accountId: "333333333333", accountName: "audit", emailAddress: "audit@example.com", roles: ["Auditor"] },
];

describe("sso-kit ls", () => {
  let sandbox: Sandbox;

  beforeEach(async () => {
    sandbox = await Sandbox.create({ accounts, pageSize: 1 });
  });

  afterEach(async () => {
    await sandbox.dispose();
  });

  it("prints every account and role (all pages) as a table", async () => {
    await sandbox.seedSignIn();
    const { code, stdout, stderr } = await sandbox.run(["ls", "--profile", TOKEN_ONLY_PROFILE]);
    expect(code).toBe(0);
    expect(stdout.trimEnd().split("\n")).toEqual([
      "ACCOUNT ID    ACCOUNT NAME  ROLE",
      "333333333333  audit         Auditor",
      "222222222222  dev           Developer",
      "111111111111  prod          Admin",
      "111111111111  prod          ReadOnly",
    ]);
    expect(stderr).toBe(`3 account(s), 4 role(s) at ${sandbox.emu.startUrl} (${sandbox.emu.region})\n`);
    // One page: ls asks for ListAccounts' largest page (100), so paging spends little of the portal's rate limit.
    expect(sandbox.emu.stats().ListAccounts).toBe(1);
  });

  it("prints JSON with --json", async () => {
    await sandbox.seedSignIn();
    const { code, stdout } = await sandbox.run(["ls", "--profile", PROFILE, "--json"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      profileName: PROFILE,
      startUrl: sandbox.emu.startUrl,
      region: sandbox.emu.region,
      accounts: [
        {
          accountId: "333333333333",
          accountName: "audit",
          emailAddress: "audit@example.com",
          roles: ["Auditor"],
        },
        {
          accountId: "222222222222",
          accountName: "dev",
          emailAddress: "dev@example.com",
          roles: ["Developer"],
        },
        {
          accountId: "111111111111",
          accountName: "prod",
          emailAddress: "prod@example.com",
          roles: ["Admin", "ReadOnly"],
        },
      ],
    });
  });

  it("uses AWS_PROFILE when --profile is not given", async () => {
    await sandbox.seedSignIn();
    const { code, stdout } = await sandbox.run(["ls", "--json"], { AWS_PROFILE: TOKEN_ONLY_PROFILE });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).profileName).toBe(TOKEN_ONLY_PROFILE);
  });

  it("takes the portal's endpoint from the [services] section of AWS_CONFIG_FILE, wherever that file is", async () => {
    await sandbox.seedSignIn();
    // ~/.aws/config keeps the same profile without the override; the one AWS_CONFIG_FILE names has it.
    const elsewhere = path.join(sandbox.home, "elsewhere", "config");
    mkdirSync(path.dirname(elsewhere), { recursive: true });
    const profileHeader = `[profile ${TOKEN_ONLY_PROFILE}]\n`;
    writeFileSync(
      elsewhere,
      readFileSync(sandbox.configFile, "utf8").replace(profileHeader, `${profileHeader}services = here\n`) +
        `\n[services here]\nsso =\n  endpoint_url = ${sandbox.emu.url}\n`,
    );
    const { code } = await sandbox.run(["ls", "--profile", TOKEN_ONLY_PROFILE], {
      AWS_CONFIG_FILE: elsewhere,
      AWS_ENDPOINT_URL_SSO: "",
    });
    expect(code).toBe(0);
    expect(sandbox.emu.stats().ListAccounts).toBe(1);
  });

  it("exits 3 when not signed in", async () => {
    const { code, stdout, stderr } = await sandbox.run(["ls", "--profile", PROFILE]);
    expect(code).toBe(3);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^sso-kit: error: .*sso-kit login --profile dev.*\n$/);
  });

  it("exits 3 when the session was signed out on the server (its refresh token revoked too)", async () => {
    const seeded = await sandbox.seedSignIn();
    sandbox.emu.revokeToken(seeded.accessToken);
    const { code, stderr } = await sandbox.run(["ls", "--profile", PROFILE]);
    expect(code).toBe(3);
    expect(stderr).toContain("was rejected by the service before its expiry");
    expect(stderr).toContain("InvalidGrantException");
    expect(sandbox.emu.stats().CreateToken).toBe(1);
  });

  it("names an aws login (login_session) profile for what it is, beside a working SSO profile", async () => {
    await sandbox.seedSignIn();
    sandbox.writeConfig(
      `${readFileSync(sandbox.configFile, "utf8")}\n[profile console]\nlogin_session = arn:aws:iam::111111111111:user/alice\n`,
    );
    const console = await sandbox.run(["ls", "--profile", "console"]);
    expect(console.code).toBe(1);
    expect(console.stderr).toMatch(
      /^sso-kit: error: Profile 'console' uses console credentials \('aws login', login_session\), not IAM Identity Center \(SSO\)/,
    );
    expect((await sandbox.run(["ls", "--profile", LEGACY_PROFILE, "--json"])).code).toBe(0);
  });

  it("heals an access token revoked on the server with the refresh token, no sign-in", async () => {
    const seeded = await sandbox.seedSignIn();
    sandbox.emu.revokeAccessToken(seeded.accessToken);
    const { code, stdout } = await sandbox.run(["ls", "--profile", PROFILE, "--json"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).accounts).toHaveLength(accounts.length);
    expect(sandbox.emu.stats().CreateToken).toBe(1);
  });
});

describe("sso-kit export", () => {
  let sandbox: Sandbox;

  beforeEach(async () => {
    sandbox = await Sandbox.create({ accounts });
    await sandbox.seedSignIn();
  });

  afterEach(async () => {
    await sandbox.dispose();
  });

  it("prints export lines a shell can eval, sharing the credential cache with credential-process", async () => {
    const { code, stdout, stderr } = await sandbox.run(["export", "--profile", PROFILE]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    const lines = stdout.trimEnd().split("\n");
    expect(lines.map((line) => line.replace(/=.*/, ""))).toEqual([
      "export AWS_ACCESS_KEY_ID",
      "export AWS_SECRET_ACCESS_KEY",
      "export AWS_SESSION_TOKEN",
      "export AWS_CREDENTIAL_EXPIRATION",
    ]);
    const evaluated = execFileSync(
      "sh",
      [
        "-c",
        `${stdout}\nprintf '%s\\n' "$AWS_ACCESS_KEY_ID" "$AWS_SECRET_ACCESS_KEY" "$AWS_SESSION_TOKEN" "$AWS_CREDENTIAL_EXPIRATION"`,
      ],
      { encoding: "utf8" },
    );
    const process = await sandbox.run(["credential-process", "--profile", PROFILE]);
    const json = JSON.parse(process.stdout) as Record<string, string>;
    expect(evaluated.trimEnd().split("\n")).toEqual([
      json.AccessKeyId,
      json.SecretAccessKey,
      json.SessionToken,
      json.Expiration,
    ]);
    expect(sandbox.emu.stats().GetRoleCredentials).toBe(1);
  });

  it("prints credential_process JSON with --format json", async () => {
    const { code, stdout } = await sandbox.run(["export", "--profile", PROFILE, "--format", "json"]);
    expect(code).toBe(0);
    expect(Object.keys(JSON.parse(stdout))).toEqual([
      "Version",
      "AccessKeyId",
      "SecretAccessKey",
      "SessionToken",
      "Expiration",
    ]);
  });
});
