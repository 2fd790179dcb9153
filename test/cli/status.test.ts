import { writeFileSync } from "node:fs";
import { secretsInFiles } from "../support/secrets";
import { signIn } from "../support/signIn";
import { LEGACY_PROFILE, Sandbox } from "./harness";

const HOUR = 3_600_000;

describe("sso-kit status", () => {
  let sandbox: Sandbox;

  beforeEach(async () => {
    sandbox = await Sandbox.create();
    const { startUrl, region, accounts } = sandbox.emu;
    const accountId = accounts[0]?.accountId as string;
    const session = (name: string): string[] => [
      `[sso-session ${name}]`,
      `sso_start_url = ${startUrl}`,
      `sso_region = ${region}`,
      "",
    ];
    const profile = (name: string, sessionName: string): string[] => [
      `[profile ${name}]`,
      `sso_session = ${sessionName}`,
      `sso_account_id = ${accountId}`,
      "sso_role_name = ReadOnly",
      "",
    ];
    sandbox.writeConfig(
      [
        ...session("work"),
        ...session("lab"),
        ...session("old"),
        ...session("never"),
        ...profile("work-dev", "work"),
        ...profile("work-prod", "work"),
        ...profile("lab", "lab"),
        ...profile("old", "old"),
        ...profile("never", "never"),
        `[profile ${LEGACY_PROFILE}]`,
        `sso_start_url = ${startUrl}`,
        `sso_region = ${region}`,
        `sso_account_id = ${accountId}`,
        "sso_role_name = ReadOnly",
        "",
        "[profile console]",
        "login_session = arn:aws:iam::123456789012:user/alice",
        "region = eu-west-1",
        "",
        "[profile static]",
        "region = us-east-1",
        "",
      ].join("\n"),
    );
    const cache = sandbox.tokenCache;
    const past = new Date(Date.now() - HOUR);
    // Signed in: a valid token for `work`, and the legacy profile's start URL.
    await signIn(sandbox.emu, cache, ["work", startUrl]);
    // Expired but refreshable.
    await signIn(sandbox.emu, cache, "lab", { expiresAt: past });
    // Expired, and so is its client registration: only a sign-in helps.
    await signIn(sandbox.emu, cache, "old", { expiresAt: past, registrationExpiresAt: past });
    // `never`: no token file.
  });

  afterEach(async () => {
    await sandbox.dispose();
  });

  it("prints every SSO session as JSON, without tokens or secrets", async () => {
    const { code, stdout, stderr } = await sandbox.run(["status", "--json"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const status = JSON.parse(stdout);
    const { startUrl, region } = sandbox.emu;
    const iso = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(status).toEqual({
      configFile: sandbox.configFile,
      sessions: [
        {
          kind: "sso-session",
          name: "lab",
          startUrl,
          region,
          signedIn: false,
          expiresAt: iso,
          canRefresh: true,
          registrationExpiresAt: iso,
          profiles: ["lab"],
        },
        {
          kind: "sso-session",
          name: "never",
          startUrl,
          region,
          signedIn: false,
          expiresAt: null,
          canRefresh: false,
          registrationExpiresAt: null,
          profiles: ["never"],
        },
        {
          kind: "sso-session",
          name: "old",
          startUrl,
          region,
          signedIn: false,
          expiresAt: iso,
          canRefresh: false,
          registrationExpiresAt: iso,
          profiles: ["old"],
        },
        {
          kind: "sso-session",
          name: "work",
          startUrl,
          region,
          signedIn: true,
          expiresAt: iso,
          canRefresh: true,
          registrationExpiresAt: iso,
          profiles: ["work-dev", "work-prod"],
        },
        {
          kind: "legacy",
          name: startUrl,
          startUrl,
          region,
          signedIn: true,
          expiresAt: iso,
          canRefresh: false,
          registrationExpiresAt: iso,
          profiles: [LEGACY_PROFILE],
        },
      ],
      loginSessions: [{ profile: "console", loginSession: "arn:aws:iam::123456789012:user/alice" }],
      problems: [],
    });
    expect(Date.parse(status.sessions[3].expiresAt)).toBeGreaterThan(Date.now());
    expect(Date.parse(status.sessions[2].registrationExpiresAt)).toBeLessThan(Date.now());
    const secrets = secretsInFiles(sandbox.tokenCache.directory);
    expect(secrets.length).toBeGreaterThanOrEqual(8);
    for (const secret of secrets) expect(stdout).not.toContain(secret);
  });

  it("prints a readable summary; console and non-SSO profiles are told apart or skipped", async () => {
    const { code, stdout } = await sandbox.run(["status"]);
    expect(code).toBe(0);
    expect(stdout).toContain(`sso-session work: ${sandbox.emu.startUrl} (${sandbox.emu.region})`);
    expect(stdout).toMatch(/sso-session work: .*\n {2}signed in: {4}yes, access token expires /);
    expect(stdout).toMatch(
      /sso-session lab: .*\n {2}signed in: {4}no, access token expired .*\n {2}can refresh: {2}yes/,
    );
    expect(stdout).toMatch(
      /sso-session old: .*\n.*\n {2}can refresh: {2}no, the client registration expired /,
    );
    expect(stdout).toMatch(/sso-session never: .*\n {2}signed in: {4}no \(no cached token\)/);
    expect(stdout).toContain("  profiles:     work-dev, work-prod\n");
    expect(stdout).toContain(`legacy start URL ${sandbox.emu.startUrl}`);
    expect(stdout).toContain("aws login profiles (console credentials, not SSO):\n  console\n");
    expect(stdout).not.toContain("static");
  });

  it.each([
    ["work-dev", 0],
    ["lab", 0],
    [LEGACY_PROFILE, 0],
    ["old", 3],
    ["never", 3],
  ])("--profile %s exits %i (0: credentials without a sign-in, 3: sign in)", async (profile, expected) => {
    const { code, stdout, stderr } = await sandbox.run(["status", "--profile", profile, "--json"]);
    expect(code).toBe(expected);
    const status = JSON.parse(stdout);
    expect(status.profile).toEqual({ name: profile, canGetCredentials: expected === 0 });
    expect(status.sessions).toHaveLength(1);
    expect(status.sessions[0].profiles).toContain(profile);
    if (expected === 3) expect(stderr).toContain(`sso-kit login --profile ${profile}`);
  });

  it("exits 3 for a legacy profile whose token expired (legacy tokens are never refreshed)", async () => {
    await signIn(sandbox.emu, sandbox.tokenCache, sandbox.emu.startUrl, {
      expiresAt: new Date(Date.now() - HOUR),
    });
    expect((await sandbox.run(["status", "--profile", LEGACY_PROFILE])).code).toBe(3);
  });

  it("exits 1 for a console (aws login) profile and for a profile that is not SSO", async () => {
    const console = await sandbox.run(["status", "--profile", "console"]);
    expect(console.code).toBe(1);
    expect(console.stderr).toContain("console credentials");
    const plain = await sandbox.run(["status", "--profile", "static"]);
    expect(plain.code).toBe(1);
    expect(plain.stderr).toContain("'static'");
  });

  it("reports an unusable token file read through the cache store, and exits 3 for it", async () => {
    writeFileSync(sandbox.tokenCache.tokenPath("never"), "{not json");
    const all = await sandbox.run(["status", "--json"]);
    expect(all.code).toBe(0);
    const never = JSON.parse(all.stdout).sessions.find((s: { name: string }) => s.name === "never");
    expect(never.tokenProblem).toContain(sandbox.tokenCache.tokenPath("never"));
    expect((await sandbox.run(["status", "--profile", "never"])).code).toBe(3);
  });

  it("exits 1 naming the file when the config is broken, after printing what it could read", async () => {
    writeFileSync(
      sandbox.configFile,
      `[sso-session half]\nsso_region = us-east-1\n\n[profile p]\nsso_session = half\n\n[profile q]\nsso_session = missing\n`,
    );
    const { code, stderr } = await sandbox.run(["status"]);
    expect(code).toBe(1);
    expect(stderr).toContain("'half' is missing required property 'sso_start_url'");
    expect(stderr).toContain("'missing' could not be found");
    expect(stderr).toContain(sandbox.configFile);
  });
});
