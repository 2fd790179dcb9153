import { loadSharedConfigFiles } from "@smithy/shared-ini-file-loader";
import { startEmulator } from "@sso-kit/emulator";
import { fromSSO } from "@sso-kit/credential-provider";
import {
  chmodSync,
  copyFileSync,
  existsSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { signIn } from "../support/signIn";
import { LEGACY_PROFILE, PROFILE, Sandbox, SESSION } from "./harness";

const BEGIN = `# BEGIN sso-kit managed profiles (session ${SESSION}) -- do not edit\n`;
const END = `# END sso-kit managed profiles (session ${SESSION})\n`;

/** The config around the block: comments, blank lines, the harness's profiles, a name a generated one would take. */
const prelude = (sandbox: Sandbox): Buffer =>
  Buffer.concat([
    Buffer.from("# my config — naïve café\n\n   # indented comment\n[default]\nregion = eu-north-1\n\n"),
    readFileSync(sandbox.configFile),
    Buffer.from("[profile Account-0002.ReadOnly]\n; mine, not sso-kit's\nregion = ap-south-1\n\n\n"),
  ]);

/** The managed block of `text` and what surrounds it. */
const split = (text: Buffer): { before: Buffer; block: string; after: Buffer } => {
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END) + END.length;
  expect(start).toBeGreaterThanOrEqual(0);
  expect(end).toBeGreaterThan(start);
  return {
    before: text.subarray(0, start),
    block: text.subarray(start, end).toString(),
    after: text.subarray(end),
  };
};

/** Runs `fn` with this process's environment pointed at the sandbox (for in-process readers such as fromSSO). */
const withSandboxEnv = async <T>(env: NodeJS.ProcessEnv, fn: () => Promise<T>): Promise<T> => {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    return await fn();
  } finally {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  }
};

describe("sso-kit profiles generate", () => {
  let sandbox: Sandbox | undefined;

  afterEach(async () => {
    await sandbox?.dispose();
    sandbox = undefined;
  });

  it("writes 600 profiles for 300 accounts, keeps every other byte, and writes nothing when run again", async () => {
    // Throttled, at 10 times the portal's rate: at AWS's 20 a second the two listings would take 25 s of CI's time
    // (pacing at that rate is the benchmark's; lsThrottled.test.ts paces through 1,000 accounts).
    const box = (sandbox = await Sandbox.create({
      generateAccounts: 300,
      pageSize: 100,
      portalRateLimit: { requestsPerSecond: 200, burst: 100 },
    }));
    await box.seedSignIn();
    const original = prelude(box);
    writeFileSync(box.configFile, original);
    chmodSync(box.configFile, 0o640);

    const first = await box.run(["profiles", "generate", "--sso-session", SESSION]);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe("");
    expect(first.stderr).toContain("Listing the accounts and roles of");
    expect(first.stderr).toContain(
      "sso-kit: warning: skipped profile 'Account-0002.ReadOnly' (100000000002 ReadOnly): a profile of that name exists outside the managed block",
    );
    const written = readFileSync(box.configFile);
    const { before, block, after } = split(written);
    expect(before.equals(Buffer.concat([original, Buffer.from("\n")]))).toBe(true);
    expect(after.length).toBe(0);
    expect(block.match(/^\[profile /gm)).toHaveLength(599);
    expect(block).toContain(
      [
        "[profile Account-0001.AdministratorAccess]",
        `sso_session = ${SESSION}`,
        "sso_account_id = 100000000001",
        "sso_role_name = AdministratorAccess",
        `region = ${box.emu.region}`,
        "",
        "[profile Account-0001.ReadOnly]",
      ].join("\n"),
    );
    expect(statSync(box.configFile).mode & 0o777).toBe(0o640);
    expect(readFileSync(`${box.configFile}.bak`).equals(original)).toBe(true);

    // The AWS SDK's own parser reads every generated profile, and the user's is still theirs.
    const { configFile } = await loadSharedConfigFiles({ configFilepath: box.configFile, ignoreCache: true });
    const generated = Object.keys(configFile).filter((name) => /^Account-\d{4}\./.test(name));
    expect(generated).toHaveLength(600); // 599 generated + the user's Account-0002.ReadOnly
    expect(configFile["Account-0300.ReadOnly"]).toEqual({
      sso_session: SESSION,
      sso_account_id: "100000000300",
      sso_role_name: "ReadOnly",
      region: box.emu.region,
    });
    expect(configFile["Account-0002.ReadOnly"]).toEqual({ region: "ap-south-1" });

    // sso-kit's fromSSO gets credentials through a generated profile.
    const credentials = await withSandboxEnv(box.env, () =>
      fromSSO({ profile: "Account-0150.AdministratorAccess" })(),
    );
    expect(credentials.accountId).toBe("100000000150");

    const { ino, mtimeMs } = statSync(box.configFile);
    const again = await box.run(["profiles", "generate", "--sso-session", SESSION]);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain(
      `No change: 599 profile(s) for ${SESSION} in ${box.configFile} are up to date.`,
    );
    expect(statSync(box.configFile)).toMatchObject({ ino, mtimeMs });
  }, 60_000);

  it("drops roles no longer granted, and a dry run prints that as a diff and writes nothing", async () => {
    const box = (sandbox = await Sandbox.create({ generateAccounts: 3, pageSize: 100 }));
    await box.seedSignIn();
    expect((await box.run(["profiles", "generate", "--profile", PROFILE])).code).toBe(0);
    // The user adds their own lines after the block: they stay where they are.
    writeFileSync(
      box.configFile,
      Buffer.concat([readFileSync(box.configFile), Buffer.from("\n[profile after]\nregion = x\n")]),
    );
    const withThree = readFileSync(box.configFile);
    expect(withThree.toString()).toContain("[profile Account-0003.ReadOnly]");

    // The organisation loses an account: a new directory at the same start URL.
    const smaller = await startEmulator({ generateAccounts: 2, pageSize: 100, startUrl: box.emu.startUrl });
    try {
      await signIn(smaller, box.tokenCache, SESSION);
      const dry = await box.run(["profiles", "generate", "--profile", PROFILE, "--dry-run"], {
        ...smaller.env,
      });
      expect(dry.code).toBe(0);
      expect(dry.stdout.split("\n").slice(0, 3)).toEqual([
        `--- ${box.configFile}`,
        `+++ ${box.configFile} (sso-kit profiles generate)`,
        `@@ sso-kit managed profiles (session ${SESSION}) @@`,
      ]);
      const changes = dry.stdout.trimEnd().split("\n").slice(3);
      expect(changes).toContain("-[profile Account-0003.AdministratorAccess]");
      expect(changes).toContain("-[profile Account-0003.ReadOnly]");
      expect(changes.filter((line) => line.startsWith("+"))).toEqual([]);
      expect(changes).toHaveLength(12);
      expect(readFileSync(box.configFile).equals(withThree)).toBe(true);

      const run = await box.run(["profiles", "generate", "--profile", PROFILE], { ...smaller.env });
      expect(run.code).toBe(0);
      const now = split(readFileSync(box.configFile));
      const then = split(withThree);
      expect(now.before.equals(then.before)).toBe(true);
      expect(now.after.equals(then.after)).toBe(true);
      expect(now.after.toString()).toBe("\n[profile after]\nregion = x\n");
      expect(now.block).not.toContain("Account-0003");
      expect(now.block.match(/^\[profile /gm)).toHaveLength(4);
    } finally {
      await smaller.stop();
    }
  });

  it("names by template (safe characters, duplicates numbered), sets --region, and writes legacy keys for legacy profiles", async () => {
    const box = (sandbox = await Sandbox.create({
      accounts: [
        {
          accountId: "111111111111",
          accountName: "Team A / Prod",
          emailAddress: "a@example.com",
          roles: ["Admin"],
        },
        {
          accountId: "222222222222",
          accountName: "Team A: Prod",
          emailAddress: "b@example.com",
          roles: ["Admin"],
        },
      ],
    }));
    await box.seedSignIn();
    const run = await box.run([
      "profiles",
      "generate",
      "--profile",
      LEGACY_PROFILE,
      "--template",
      "{session}/{account_name}@{role_name}",
      "--region",
      "eu-west-1",
    ]);
    expect(run.code).toBe(0);
    const label = box.emu.startUrl;
    const text = readFileSync(box.configFile, "utf8");
    const session = new URL(label).hostname.split(".")[0] as string;
    expect(text).toContain(
      [
        `# BEGIN sso-kit managed profiles (session ${label}) -- do not edit`,
        `[profile ${session}-Team-A-Prod-Admin]`,
        `sso_start_url = ${label}`,
        `sso_region = ${box.emu.region}`,
        "sso_account_id = 111111111111",
        "sso_role_name = Admin",
        "region = eu-west-1",
        "",
        `[profile ${session}-Team-A-Prod-Admin-2]`,
        `sso_start_url = ${label}`,
        `sso_region = ${box.emu.region}`,
        "sso_account_id = 222222222222",
        "sso_role_name = Admin",
        "region = eu-west-1",
        `# END sso-kit managed profiles (session ${label})`,
        "",
      ].join("\n"),
    );
    const { configFile } = await loadSharedConfigFiles({ configFilepath: box.configFile, ignoreCache: true });
    expect(configFile[`${session}-Team-A-Prod-Admin-2`]?.sso_account_id).toBe("222222222222");
  });

  it("completes listing under the portal's rate limit (the SDK's retries back off)", async () => {
    const box = (sandbox = await Sandbox.create({
      generateAccounts: 40,
      portalRateLimit: { requestsPerSecond: 20 },
    }));
    await box.seedSignIn();
    const run = await box.run(["profiles", "generate", "--sso-session", SESSION]);
    expect(run.code).toBe(0);
    expect(readFileSync(box.configFile, "utf8").match(/^\[profile Account-/gm)).toHaveLength(80);
  }, 60_000);

  it("--config-file writes that file (and reads the session from it); a symbolic link is refused", async () => {
    const box = (sandbox = await Sandbox.create({ generateAccounts: 1 }));
    await box.seedSignIn();
    const other = path.join(box.home, "other-config");
    copyFileSync(box.configFile, other);
    rmSync(box.configFile);
    const run = await box.run(["profiles", "generate", "--profile", PROFILE, "--config-file", other]);
    expect(run.code).toBe(0);
    expect(readFileSync(other, "utf8")).toContain("[profile Account-0001.ReadOnly]");
    expect(existsSync(box.configFile)).toBe(false);

    const link = path.join(box.home, "link-config");
    symlinkSync(other, link);
    const before = readFileSync(other);
    const linked = await box.run(["profiles", "generate", "--profile", PROFILE, "--config-file", link]);
    expect(linked.code).toBe(1);
    expect(linked.stderr).toContain("is a symbolic link");
    expect(readFileSync(other).equals(before)).toBe(true);
  });

  it("refuses a bad template (exit 2) and a block whose END line was removed (exit 1), writing nothing", async () => {
    const box = (sandbox = await Sandbox.create());
    await box.seedSignIn();
    const bad = await box.run(["profiles", "generate", "--template", "{account}.{role_name}"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("{account}");
    const broken = Buffer.concat([readFileSync(box.configFile), Buffer.from(`${BEGIN}[profile x]\n`)]);
    writeFileSync(box.configFile, broken);
    const run = await box.run(["profiles", "generate", "--profile", PROFILE]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/line \d+ opens '# BEGIN sso-kit managed profiles/);
    expect(readFileSync(box.configFile).equals(broken)).toBe(true);
    expect(box.emu.stats().ListAccounts ?? 0).toBe(0);
  });
});
