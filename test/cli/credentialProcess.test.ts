import { fromProcess } from "@aws-sdk/credential-providers";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { LEGACY_PROFILE, PROFILE, Sandbox, SESSION, TOKEN_ONLY_PROFILE, BIN } from "./harness";

interface ProcessCredentials {
  Version: number;
  AccessKeyId: string;
  SecretAccessKey: string;
  SessionToken: string;
  Expiration: string;
}

describe("sso-kit credential-process", () => {
  let sandbox: Sandbox;

  afterEach(async () => {
    await sandbox.dispose();
  });

  it("prints Version 1 JSON and, run 20 times, calls GetRoleCredentials once", async () => {
    sandbox = await Sandbox.create();
    await sandbox.seedSignIn();
    const outputs: ProcessCredentials[] = [];
    for (let run = 0; run < 20; run++) {
      const { code, stdout, stderr } = await sandbox.run(["credential-process", "--profile", PROFILE]);
      expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
      outputs.push(JSON.parse(stdout) as ProcessCredentials);
    }
    expect(sandbox.emu.stats().GetRoleCredentials).toBe(1);
    const [first] = outputs;
    expect(first).toEqual({
      Version: 1,
      AccessKeyId: expect.any(String),
      SecretAccessKey: expect.any(String),
      SessionToken: expect.any(String),
      Expiration: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
    });
    expect(new Set(outputs.map((output) => output.AccessKeyId)).size).toBe(1);
    expect(Date.parse(first!.Expiration)).toBeGreaterThan(Date.now() + 50 * 60_000);

    // Cached like the AWS CLI: ~/.aws/cli/cache/<sha1 of account, role, session>.json, 0600.
    const account = sandbox.emu.accounts[0]!;
    const files = readdirSync(sandbox.roleCredentialCacheDirectory).filter((name) => name.endsWith(".json"));
    const { roleCredentialCacheKey } = await import("@sso-kit/credential-provider/internal");
    expect(files).toEqual([
      `${roleCredentialCacheKey({ accountId: account.accountId, roleName: account.roles[0]!, sessionName: SESSION })}.json`,
    ]);
    const file = path.join(sandbox.roleCredentialCacheDirectory, files[0]!);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({
      ProviderType: "sso",
      Credentials: {
        AccessKeyId: first!.AccessKeyId,
        SecretAccessKey: first!.SecretAccessKey,
        SessionToken: first!.SessionToken,
        Expiration: first!.Expiration,
        AccountId: account.accountId,
      },
    });
  });

  it("run 5 times at once (a tool starting several processes), still calls GetRoleCredentials once", async () => {
    sandbox = await Sandbox.create();
    await sandbox.seedSignIn();
    const runs = await Promise.all(
      Array.from({ length: 5 }, () => sandbox.run(["credential-process", "--profile", PROFILE])),
    );
    expect(runs.map((run) => run.code)).toEqual([0, 0, 0, 0, 0]);
    expect(new Set(runs.map((run) => (JSON.parse(run.stdout) as ProcessCredentials).AccessKeyId)).size).toBe(
      1,
    );
    expect(sandbox.emu.stats().GetRoleCredentials).toBe(1);
  });

  it("fetches new credentials when the cached ones expire within 5 minutes", async () => {
    sandbox = await Sandbox.create({ roleCredentialsTtlSeconds: 200 });
    await sandbox.seedSignIn();
    const first = await sandbox.run(["credential-process", "--profile", PROFILE]);
    const second = await sandbox.run(["credential-process", "--profile", PROFILE]);
    expect([first.code, second.code]).toEqual([0, 0]);
    expect(sandbox.emu.stats().GetRoleCredentials).toBe(2);
    expect(JSON.parse(second.stdout).AccessKeyId).not.toBe(JSON.parse(first.stdout).AccessKeyId);
  });

  it("ignores and replaces a corrupt cache file", async () => {
    sandbox = await Sandbox.create();
    await sandbox.seedSignIn();
    await sandbox.run(["credential-process", "--profile", PROFILE]);
    const [name] = readdirSync(sandbox.roleCredentialCacheDirectory).filter((entry) =>
      entry.endsWith(".json"),
    );
    const file = path.join(sandbox.roleCredentialCacheDirectory, name!);
    writeFileSync(file, '{"ProviderType":"sso","Credentials":{"AccessKeyId":');
    const { code, stdout, stderr } = await sandbox.run(["credential-process", "--profile", PROFILE]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(sandbox.emu.stats().GetRoleCredentials).toBe(2);
    expect(JSON.parse(readFileSync(file, "utf8")).Credentials.AccessKeyId).toBe(
      JSON.parse(stdout).AccessKeyId,
    );
  });

  it("works for a legacy profile (start URL in the profile)", async () => {
    sandbox = await Sandbox.create();
    await sandbox.seedSignIn();
    const { code, stdout } = await sandbox.run(["credential-process", "--profile", LEGACY_PROFILE]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).Version).toBe(1);
  });

  it("exits 3 with the sign-in command when not signed in", async () => {
    sandbox = await Sandbox.create();
    const { code, stdout, stderr } = await sandbox.run(["credential-process", "--profile", PROFILE]);
    expect(code).toBe(3);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/^sso-kit: error: .*sso-kit login --profile dev/);
  });

  it("exits 3 when the session expired and cannot be refreshed", async () => {
    sandbox = await Sandbox.create();
    await sandbox.seedSignIn({ expiresAt: new Date(Date.now() - 60_000), refreshToken: false });
    const { code, stderr } = await sandbox.run(["credential-process", "--profile", PROFILE]);
    expect(code).toBe(3);
    expect(stderr).toContain("sso-kit login --profile dev");
  });

  it.each([
    ["HTTP 500 on every attempt", { status: 500 }, /CreateToken answered HTTP 500 after 3 attempts/],
    ["HTTP 429", { status: 429 }, /CreateToken is throttling requests \(HTTP 429/],
    [
      "an HTML page with HTTP 200",
      { response: { headers: { "content-type": "text/html" }, body: "<html>proxy login</html>" } },
      /CreateToken at http:\/\/127\.0\.0\.1:\d+\/\S* answered HTTP 200 with an HTML page/,
    ],
    ["a reply cut off", { body: "truncated" as const }, /CreateToken failed.*cut off/],
  ])(
    "exits 1, not 3, when refreshing an expired token meets %s: try again, the token file untouched",
    async (_name, fault, words) => {
      sandbox = await Sandbox.create();
      await sandbox.seedSignIn({ expiresAt: new Date(Date.now() - 60_000) });
      const tokenFile = sandbox.tokenCache.tokenPath(SESSION);
      const before = readFileSync(tokenFile, "utf8");
      sandbox.emu.faults.add({ operation: "CreateToken", ...fault });
      const { code, stdout, stderr } = await sandbox.run(["credential-process", "--profile", PROFILE]);
      expect({ code, stdout }).toEqual({ code: 1, stdout: "" });
      expect(stderr.trim().split("\n")).toHaveLength(1);
      expect(stderr).toMatch(words);
      expect(stderr).not.toMatch(/sso-kit login|not signed in|Unknown/);
      expect(readFileSync(tokenFile, "utf8")).toBe(before);
    },
  );

  it("exits 3 with the sign-in command when the refresh token is rejected (invalid_grant)", async () => {
    sandbox = await Sandbox.create();
    await sandbox.seedSignIn({ expiresAt: new Date(Date.now() - 60_000) });
    sandbox.emu.faults.add({ operation: "CreateToken", exception: "InvalidGrantException" });
    const { code, stderr } = await sandbox.run(["credential-process", "--profile", PROFILE]);
    expect(code).toBe(3);
    expect(stderr).toMatch(/CreateToken rejected the request \(HTTP 400, InvalidGrantException/);
    expect(stderr).toContain("sso-kit login --profile dev");
  });

  it("heals an access token the portal rejects before its expiry: credentials, one CreateToken, no sign-in", async () => {
    sandbox = await Sandbox.create();
    const seeded = await sandbox.seedSignIn({ expiresAt: new Date(Date.now() + 3_600_000) });
    sandbox.emu.revokeAccessToken(seeded.accessToken);
    const { code, stdout, stderr } = await sandbox.run(["credential-process", "--profile", PROFILE]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(JSON.parse(stdout)).toMatchObject({ Version: 1, AccessKeyId: expect.any(String) });
    expect(sandbox.emu.stats()).toMatchObject({ CreateToken: 1, GetRoleCredentials: 2 });
  });

  it("exits 1 for a profile without an account and role, or one that does not exist", async () => {
    sandbox = await Sandbox.create();
    await sandbox.seedSignIn();
    const tokenOnly = await sandbox.run(["credential-process", "--profile", TOKEN_ONLY_PROFILE]);
    expect(tokenOnly.code).toBe(1);
    expect(tokenOnly.stderr).toContain("sso_account_id and sso_role_name");
    const missing = await sandbox.run(["credential-process", "--profile", "nope"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split("\n")).toHaveLength(1);
    expect(missing.stderr).not.toMatch(/^\s+at /m);
    // --debug adds the stack trace.
    const debug = await sandbox.run(["--debug", "credential-process", "--profile", "nope"]);
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(/^sso-kit: error: /m);
    expect(debug.stderr).toMatch(/^sso-kit debug:\s+at /m);
    expect(sandbox.emu.stats().GetRoleCredentials).toBe(0);
  });

  it("serves an SDK client through credential_process (signature verified by the emulator)", async () => {
    sandbox = await Sandbox.create();
    await sandbox.seedSignIn();
    const configFile = sandbox.configFile;
    // The SDK runs the command with this process's environment; `env` points the child at the sandbox.
    const sandboxEnv = Object.entries(sandbox.env)
      .filter(([name]) => name !== "PATH")
      .map(([name, value]) => `${name}=${value}`)
      .join(" ");
    writeFileSync(
      configFile,
      `${readFileSync(configFile, "utf8")}\n[profile via-process]\ncredential_process = env ${sandboxEnv} ${process.execPath} ${BIN} credential-process --profile ${PROFILE}\n`,
    );
    const sts = new STSClient({
      region: sandbox.emu.region,
      endpoint: sandbox.emu.url,
      credentials: fromProcess({ profile: "via-process", configFilepath: configFile }),
    });
    try {
      const identity = await sts.send(new GetCallerIdentityCommand({}));
      expect(identity.Account).toBe(sandbox.emu.accounts[0]!.accountId);
      expect(identity.Arn).toContain(sandbox.emu.accounts[0]!.roles[0]!);
    } finally {
      sts.destroy();
    }
    expect(sandbox.emu.stats().GetCallerIdentity).toBe(1);
  });
});
