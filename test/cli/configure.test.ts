import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { Terminal } from "../support/cli/Terminal";
import { BIN, finished, Sandbox } from "./harness";

/** The AWS CLI on this machine (v2 in CI, from Debian's awscli; v1 has no `list-profiles`). */
const AWS = ["/usr/bin/aws", ...(process.env.PATH ?? "").split(":").map((dir) => join(dir, "aws"))].find(
  existsSync,
);

const execFileAsync = promisify(execFile);

/** A colour or attribute (SGR) sequence, as `tmux capture-pane -e` shows them. */
const SGR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`);

/**
 * What the config around the new sections holds: comments, blank lines, UTF-8, no last line break (bytes that are
 * not UTF-8 are kept too, see ConfigSection.spec.ts, but the AWS CLI cannot read such a file).
 */
const PRELUDE = Buffer.from("# my config, naïve café\n\n  ; indented\n[default]\nregion = eu-north-1");

describe("sso-kit configure", () => {
  let sandbox: Sandbox;
  let account: { accountId: string; roles: string[] };
  const flags = (...more: string[]): string[] => [
    "configure",
    "--start-url",
    sandbox.emu.startUrl,
    "--region",
    sandbox.emu.region,
    "--session-name",
    "work",
    "--use-device-code",
    "--no-browser",
    ...more,
  ];
  /** Runs `sso-kit args` with `stdin` as its whole input. */
  const run = (args: string[], stdin = "") => {
    const child = sandbox.spawn(args);
    child.stdin.end(stdin);
    return finished(child, args, sandbox.runs);
  };

  beforeAll(async () => {
    sandbox = await Sandbox.create({ autoApprove: true });
    account = sandbox.emu.accounts[1] as typeof account;
  });
  afterAll(() => sandbox.dispose());
  beforeEach(() => writeFileSync(sandbox.configFile, PRELUDE));

  it("with flags alone: signs in, writes the two sections after every byte that was there, and both sso-kit and the AWS CLI use them", async () => {
    const { code, stdout, stderr } = await run(
      flags(
        "--account-id",
        account.accountId,
        "--role-name",
        "ReadOnly",
        "--profile",
        "ci",
        "--default-region",
        "eu-west-1",
        "--output",
        "json",
        "--json",
      ),
    );
    expect({ code, stderr }).toMatchObject({ code: 0, stderr: expect.stringContaining("Signed in to") });
    expect(JSON.parse(stdout)).toEqual({
      configFile: sandbox.configFile,
      backup: `${sandbox.configFile}.bak`,
      ssoSession: { name: "work", action: "added" },
      profile: { name: "ci", action: "added" },
      signedIn: true,
      expiresAt: expect.stringMatching(/^\d{4}-/),
    });
    expect(readFileSync(sandbox.configFile)).toEqual(
      Buffer.concat([
        PRELUDE,
        Buffer.from(
          [
            "",
            "",
            "[sso-session work]",
            `sso_start_url = ${sandbox.emu.startUrl}`,
            `sso_region = ${sandbox.emu.region}`,
            "sso_registration_scopes = sso:account:access",
            "",
            "[profile ci]",
            "sso_session = work",
            `sso_account_id = ${account.accountId}`,
            "sso_role_name = ReadOnly",
            "region = eu-west-1",
            "output = json",
            "",
          ].join("\n"),
        ),
      ]),
    );
    expect(readFileSync(`${sandbox.configFile}.bak`)).toEqual(PRELUDE);

    const credentials = await run(["credential-process", "--profile", "ci"]);
    expect(credentials.code).toBe(0);
    expect(JSON.parse(credentials.stdout)).toMatchObject({ Version: 1, AccessKeyId: expect.any(String) });

    // The AWS CLI reads the same file (the Debian awscli cannot reach the emulator: configuration only).
    if (AWS === undefined) throw new Error("the AWS CLI is not installed (.ci/run installs awscli)");
    const aws = async (...args: string[]): Promise<string> =>
      (
        await execFileAsync(AWS, args, {
          env: { PATH: process.env.PATH, HOME: sandbox.home, AWS_CONFIG_FILE: sandbox.configFile },
          encoding: "utf8",
          timeout: 30_000,
        })
      ).stdout.trim();
    // In parallel: each AWS CLI run starts a Python.
    const [version, ...values] = await Promise.all([
      aws("--version"),
      ...["sso_session", "sso_role_name"].map((key) => aws("configure", "get", key, "--profile", "ci")),
    ]);
    expect(values).toEqual(["work", "ReadOnly"]);
    // No run printed the access token.
    const token = await sandbox.tokenCache.readToken("work");
    expect(token?.accessToken).toEqual(expect.any(String));
    for (const each of sandbox.runs) expect(each.stdout + each.stderr).not.toContain(token?.accessToken);
    if (version?.startsWith("aws-cli/2.")) {
      expect((await aws("configure", "list-profiles")).split("\n")).toEqual(["default", "ci"]);
    }
  }, 60_000);

  it("leaves identical sections alone, refuses one that differs, and replaces it with --force keeping a backup", async () => {
    const profile = (role: string, ...more: string[]) =>
      flags("--account-id", account.accountId, "--role-name", role, "--profile", "ci", "--no-login", ...more);
    expect((await run(profile("ReadOnly"))).code).toBe(0);
    const written = readFileSync(sandbox.configFile);

    const again = await run(profile("ReadOnly"));
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("[sso-session work] was already there, [profile ci] was already there");
    expect(readFileSync(sandbox.configFile)).toEqual(written);

    const refused = await run(profile("AdministratorAccess"));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      `${sandbox.configFile} line 12 already has [profile ci] with other settings: choose another name, or pass --force`,
    );
    expect(readFileSync(sandbox.configFile)).toEqual(written);

    const forced = await run(profile("AdministratorAccess", "--force"));
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain("[profile ci] replaced");
    expect(readFileSync(`${sandbox.configFile}.bak`)).toEqual(written);
    expect(readFileSync(sandbox.configFile, "latin1")).toBe(
      written.toString("latin1").replace("sso_role_name = ReadOnly", "sso_role_name = AdministratorAccess"),
    );
    // Written atomically: no temporary file is left beside it.
    expect(readdirSync(join(sandbox.home, ".aws")).filter((name) => name.includes("config"))).toEqual([
      "config",
      "config.bak",
    ]);
  });

  it("creates a missing config file 0600 in a 0700 directory, without signing in (--no-login)", async () => {
    const configFile = join(sandbox.home, "fresh", ".aws", "config");
    const before = sandbox.emu.stats();
    const args = flags("--account-id", account.accountId, "--role-name", "ReadOnly", "--no-login");
    const child = sandbox.spawn(args, { AWS_CONFIG_FILE: configFile });
    child.stdin.end();
    const { code, stdout } = await finished(child, args);
    expect(code).toBe(0);
    expect(stdout).toContain(`[profile ReadOnly-${account.accountId}] added in ${configFile}.`);
    expect(statSync(configFile).mode & 0o777).toBe(0o600);
    expect(statSync(join(sandbox.home, "fresh", ".aws")).mode & 0o777).toBe(0o700);
    expect(existsSync(`${configFile}.bak`)).toBe(false);
    expect(sandbox.emu.stats()).toEqual(before);
    rmSync(join(sandbox.home, "fresh"), { recursive: true });
  });

  it("without a terminal, reads what flags did not give from stdin lines, and fails listing the flags when stdin is empty", async () => {
    const before = sandbox.emu.stats().StartDeviceAuthorization;
    const empty = await run(flags());
    expect(empty.code).toBe(2);
    expect(empty.stderr).toBe(
      "sso-kit: error: Missing --account-id, --role-name: there is no terminal to ask in, and stdin has no answers.\n",
    );
    expect(sandbox.emu.stats().StartDeviceAuthorization).toBe(before);

    const notSignedIn = await run(
      flags("--session-name", "never", "--no-login", "--account-id", "111111111111"),
      "ReadOnly\n",
    );
    expect(notSignedIn.code).toBe(3);
    expect(notSignedIn.stderr).toContain(
      "Not signed in to https://d-0000000000.awsapps.com/start (sso-session never): run configure without --no-login, or pass --account-id and --role-name.",
    );

    const bad = await run(flags("--account-id", "12345"));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--account-id: '12345' is not an account id (12 digits).");

    // The accounts are listed sorted by name: Development, Production, Staging.
    const piped = await run(flags("--profile", "piped"), "2\nReadOnly\n");
    expect(piped.code).toBe(0);
    expect(piped.stderr).toContain("Account (3 available):\n  1) Development (111111111111)");
    expect(readFileSync(sandbox.configFile, "utf8")).toContain(
      "[profile piped]\nsso_session = work\nsso_account_id = 333333333333\nsso_role_name = ReadOnly\n",
    );
  });
});

describe("sso-kit configure in a terminal", () => {
  let sandbox: Sandbox;
  const terminals: Terminal[] = [];
  /** Runs `sso-kit configure ...args` in a new terminal, with `env` on top of the sandbox's. */
  const open = (name: string, env: NodeJS.ProcessEnv, ...args: string[]): Terminal => {
    const script = join(sandbox.home, `${name}.sh`);
    const exports = Object.entries({ ...sandbox.env, ...env }).map(
      ([key, value]) => `export ${key}='${value ?? ""}'`,
    );
    writeFileSync(
      script,
      [
        ...exports,
        `'${process.execPath}' '${BIN}' configure ${args.join(" ")}`,
        'echo "EXIT=$?"',
        "sleep 60",
        "",
      ].join("\n"),
    );
    const terminal = Terminal.start(name, `sh '${script}'`);
    terminals.push(terminal);
    return terminal;
  };

  beforeAll(async () => {
    // Twelve accounts: the account list filters as you type.
    sandbox = await Sandbox.create({ autoApprove: true, generateAccounts: 12 });
  });
  afterAll(async () => {
    for (const terminal of terminals) terminal.kill();
    await sandbox.dispose();
  });

  it("asks each setting with its default, filters the accounts as you type, and writes a profile that works (NO_COLOR: no colour)", async () => {
    const coloured = open("colour", {}, "--no-browser");
    const terminal = open("plain", { NO_COLOR: "1" }, "--use-device-code", "--no-browser");
    await terminal.waitFor(/SSO start URL/);
    terminal.type(sandbox.emu.startUrl);
    terminal.press("Enter");
    await terminal.waitFor(/SSO region/);
    terminal.type(sandbox.emu.region);
    terminal.press("Enter");
    await terminal.waitFor(/SSO session name[\s\S]*d-0000000000/);
    terminal.press("Enter");
    await terminal.waitFor(/SSO registration scopes[\s\S]*sso:account:access/);
    terminal.press("Enter");
    await terminal.waitFor(/Account \(12 available\)/);
    terminal.type("0007");
    await terminal.waitFor(/Account 0007 \(100000000007\)/);
    terminal.press("Enter");
    await terminal.waitFor(/Role in Account 0007/);
    terminal.press("Down", "Enter");
    await terminal.waitFor(/Default client region/);
    terminal.type("eu-west-1");
    terminal.press("Enter");
    await terminal.waitFor(/Default output format/);
    terminal.press("Enter");
    await terminal.waitFor(/Profile name[\s\S]*ReadOnly-100000000007/);
    terminal.press("Enter");
    const screen = await terminal.waitFor(/EXIT=\d+/);
    expect(screen).toContain("EXIT=0");
    expect(screen).toContain("[profile ReadOnly-100000000007] added");
    expect(terminal.screen(true)).not.toMatch(SGR);
    expect(readFileSync(sandbox.configFile, "utf8")).toContain(
      "\n[sso-session d-0000000000]\nsso_start_url = https://d-0000000000.awsapps.com/start\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n\n[profile ReadOnly-100000000007]\nsso_session = d-0000000000\nsso_account_id = 100000000007\nsso_role_name = ReadOnly\nregion = eu-west-1\n",
    );
    const credentials = await sandbox.run(["credential-process", "--profile", "ReadOnly-100000000007"]);
    expect(credentials.code).toBe(0);

    // Without NO_COLOR, the same prompts are coloured: the check above can fail.
    await coloured.waitFor(/SSO start URL/);
    expect(coloured.screen(true)).toMatch(SGR);
  });
});
