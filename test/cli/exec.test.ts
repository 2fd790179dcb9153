import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { readFileSync } from "node:fs";
import { BIN, finished, PROFILE, Sandbox, SESSION, waitForOutput } from "./harness";

const NODE = process.execPath;
/** A child that prints its environment as JSON. */
const PRINT_ENV = ["-e", "process.stdout.write(JSON.stringify(process.env))"];

describe("sso-kit exec", () => {
  let sandbox: Sandbox;

  beforeEach(async () => {
    sandbox = await Sandbox.create();
  });

  afterEach(async () => {
    await sandbox.dispose();
  });

  it.each([0, 3, 42])("ends with the command's exit code %i", async (exitCode) => {
    await sandbox.seedSignIn();
    const { code, stderr } = await sandbox.run([
      "exec",
      "--profile",
      PROFILE,
      "--",
      NODE,
      "-e",
      `process.exit(${exitCode})`,
    ]);
    expect({ code, stderr }).toEqual({ code: exitCode, stderr: "" });
  });

  it("gives the command the emulator's role credentials, the profile's region, and no profile name", async () => {
    const account = sandbox.emu.accounts[0]!;
    sandbox.writeConfig(
      `${readFileSync(sandbox.configFile, "utf8")}\n[profile regional]\nsso_session = ${SESSION}\nsso_account_id = ${account.accountId}\nsso_role_name = ${account.roles[0]}\nregion = eu-central-1\n`,
    );
    await sandbox.seedSignIn();
    const { code, stdout, stderr } = await sandbox.run(
      ["exec", "--profile", "regional", "--", NODE, ...PRINT_ENV],
      {
        AWS_PROFILE: PROFILE,
        AWS_DEFAULT_PROFILE: PROFILE,
      },
    );
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    const env = JSON.parse(stdout) as Record<string, string>;
    expect(env).not.toHaveProperty("AWS_PROFILE");
    expect(env).not.toHaveProperty("AWS_DEFAULT_PROFILE");
    expect(env).toMatchObject({
      AWS_REGION: "eu-central-1",
      AWS_DEFAULT_REGION: "eu-central-1",
      SSO_KIT_EXEC_PROFILE: "regional",
      AWS_CREDENTIAL_EXPIRATION: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      HOME: sandbox.home,
    });
    const issued = sandbox.emu.issuedCredentials();
    expect(issued.map((credentials) => credentials.accessKeyId)).toEqual([env.AWS_ACCESS_KEY_ID]);
    expect(new Date(env.AWS_CREDENTIAL_EXPIRATION!).getTime()).toBe(
      Math.floor(issued[0]!.expiration.getTime() / 1000) * 1000,
    );
    // The emulator checks the SigV4 signature: the secret key and session token are the issued ones too.
    const sts = new STSClient({
      region: sandbox.emu.region,
      endpoint: sandbox.emu.url,
      credentials: {
        accessKeyId: env.AWS_ACCESS_KEY_ID!,
        secretAccessKey: env.AWS_SECRET_ACCESS_KEY!,
        sessionToken: env.AWS_SESSION_TOKEN!,
      },
    });
    try {
      const identity = await sts.send(new GetCallerIdentityCommand({}));
      expect(identity.Account).toBe(account.accountId);
    } finally {
      sts.destroy();
    }
  });

  it("leaves the region unset when the profile has none", async () => {
    await sandbox.seedSignIn();
    const { code, stdout } = await sandbox.run(["exec", "--profile", PROFILE, "--", NODE, ...PRINT_ENV]);
    expect(code).toBe(0);
    const env = JSON.parse(stdout) as Record<string, string>;
    expect(env).not.toHaveProperty("AWS_REGION");
    expect(env).not.toHaveProperty("AWS_DEFAULT_REGION");
    expect(env.SSO_KIT_EXEC_PROFILE).toBe(PROFILE);
  });

  it.each([
    ["SIGTERM", 42],
    ["SIGINT", 7],
    ["SIGHUP", 9],
  ] as const)("passes %s on to the command and ends with its exit code", async (signal, exitCode) => {
    await sandbox.seedSignIn();
    const args = [
      "exec",
      "--profile",
      PROFILE,
      "--",
      NODE,
      "-e",
      `process.on(${JSON.stringify(signal)}, () => process.exit(${exitCode})); console.log("ready"); setInterval(() => {}, 1000);`,
    ];
    const child = sandbox.spawn(args);
    const done = finished(child, args, sandbox.runs);
    await waitForOutput(child, "stdout", /ready/);
    child.kill(signal);
    const { code, signal: endedBy } = await done;
    expect({ code, endedBy }).toEqual({ code: exitCode, endedBy: null });
  });

  it("ends with 128+n when signal n ends the command, as shells do", async () => {
    await sandbox.seedSignIn();
    const { code } = await sandbox.run([
      "exec",
      "--profile",
      PROFILE,
      "--",
      NODE,
      "-e",
      "process.kill(process.pid, 'SIGKILL')",
    ]);
    expect(code).toBe(128 + 9);
  });

  it("refuses to run inside another exec, unless --force", async () => {
    await sandbox.seedSignIn();
    const inner = ["exec", "--profile", PROFILE, "--", NODE, "-e", "process.exit(5)"];
    const nested = await sandbox.run(["exec", "--profile", PROFILE, "--", NODE, BIN, ...inner]);
    expect(nested.code).toBe(2);
    expect(nested.stderr).toMatch(/already inside 'sso-kit exec' for profile 'dev'.*--force/);
    const forced = await sandbox.run([
      "exec",
      "--profile",
      PROFILE,
      "--",
      NODE,
      BIN,
      "exec",
      "--force",
      ...inner.slice(1),
    ]);
    expect({ code: forced.code, stderr: forced.stderr }).toEqual({ code: 5, stderr: "" });
  });

  it("exits 127 with one line when the command is not found", async () => {
    await sandbox.seedSignIn();
    const { code, stdout, stderr } = await sandbox.run([
      "exec",
      "--profile",
      PROFILE,
      "--",
      "sso-kit-test-no-such-command",
    ]);
    expect({ code, stdout }).toEqual({ code: 127, stdout: "" });
    expect(stderr).toBe(
      "sso-kit: error: command not found: sso-kit-test-no-such-command (check its name and PATH)\n",
    );
  });

  it("exits 126 when the command cannot be run", async () => {
    await sandbox.seedSignIn();
    const { code, stderr } = await sandbox.run(["exec", "--profile", PROFILE, "--", sandbox.configFile]);
    expect(code).toBe(126);
    expect(stderr).toMatch(/^sso-kit: error: cannot run .*\n$/);
  });

  it.each([
    ["with '--'", ["exec", "--profile", PROFILE, "--"]],
    ["without '--'", ["exec", "--profile", PROFILE]],
    ["with '--' and no sso-kit option (AWS_PROFILE)", ["exec", "--"]],
  ])("gives every argument from the command name on to the command, %s", async (_name, prefix) => {
    await sandbox.seedSignIn();
    const printArgs = "process.stdout.write(JSON.stringify(process.argv.slice(1)))";
    const { code, stdout, stderr } = await sandbox.run(
      [...prefix, NODE, "-e", printArgs, "first", "--profile", "other", "--force", "--", "-x"],
      { AWS_PROFILE: PROFILE },
    );
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(JSON.parse(stdout)).toEqual(["first", "--profile", "other", "--force", "--", "-x"]);
  });

  it("is listed in sso-kit --help, and its own help shows '--', the variables and the exit codes", async () => {
    const top = await sandbox.run(["--help"]);
    expect(top.stdout).toMatch(/^ {2}exec\b/m);
    expect(top.stdout).toMatch(/^ {2}127 +exec: the command was not found/m);
    const { code, stdout } = await sandbox.run(["exec", "--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("Usage: sso-kit exec [options] [--] <command> [args...]");
    for (const text of ["--profile", "--force", "AWS_PROFILE", "128+n", "127", "SIGTERM"]) {
      expect(stdout).toContain(text);
    }
  });

  it("exits 3 without running the command when not signed in", async () => {
    const { code, stdout, stderr } = await sandbox.run([
      "exec",
      "--profile",
      PROFILE,
      "--",
      NODE,
      ...PRINT_ENV,
    ]);
    expect({ code, stdout }).toEqual({ code: 3, stdout: "" });
    expect(stderr).toMatch(/sso-kit login/);
  });
});
