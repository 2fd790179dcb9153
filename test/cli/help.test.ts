import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { BIN } from "./harness";

const exec = promisify(execFile);

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the bin without any SSO setup: help, version and usage errors need none. */
async function sso(...args: string[]): Promise<Result> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [BIN, ...args], {
      env: { PATH: process.env.PATH },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("sso-kit help, version and usage errors", () => {
  it("--help lists every command and the exit codes", async () => {
    const { code, stdout, stderr } = await sso("--help");
    expect(code).toBe(0);
    expect(stderr).toBe("");
    for (const command of [
      "login",
      "logout",
      "configure",
      "ls",
      "status",
      "profiles",
      "credential-process",
      "export",
      "emulator",
    ]) {
      expect(stdout).toMatch(new RegExp(`^  ${command}\\b`, "m"));
    }
    expect(stdout).toMatch(
      /Exit codes:\n {2}0 +success\n {2}1 +failure.*\n {2}2 +usage error.*\n {2}3 +not signed in/,
    );
  });

  it.each([
    ["login", ["--profile", "--sso-session", "--use-device-code", "--no-browser"]],
    ["logout", ["--profile"]],
    [
      "configure",
      [
        "--start-url",
        "--region",
        "--session-name",
        "--scopes",
        "--account-id",
        "--role-name",
        "--force",
        "--no-login",
        "<config>.bak",
      ],
    ],
    ["ls", ["--profile", "--json"]],
    ["status", ["--profile", "--json", "exit 3"]],
    [
      "profiles generate",
      ["--profile", "--sso-session", "--template", "--region", "--dry-run", "--config-file"],
    ],
    ["credential-process", ["--profile", "credential_process = sso-kit credential-process --profile"]],
    ["export", ["--profile", "--format", "env", "json"]],
  ])("%s --help describes its options", async (command, options) => {
    const { code, stdout, stderr } = await sso(...command.split(" "), "--help");
    expect(code).toBe(0);
    expect(stderr).toBe("");
    expect(stdout).toContain(`Usage: sso-kit ${command} [options]`);
    for (const option of options) expect(stdout).toContain(option);
  });

  it("emulator --help shows the emulator's own options", async () => {
    const { code, stdout } = await sso("emulator", "--help");
    expect(code).toBe(0);
    expect(stdout).toContain("--auto-approve");
    expect(stdout).toContain("--port");
  });

  it("--version prints the package version", async () => {
    const { code, stdout } = await sso("--version");
    expect(code).toBe(0);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    expect(stdout.trim()).toBe((require("../../packages/cli/package.json") as { version: string }).version);
  });

  it.each([
    [["frobnicate"], "unknown command 'frobnicate'"],
    [["ls", "--bogus"], "unknown option '--bogus'"],
    [["credential-process"], "required option '--profile <name>' not specified"],
    [["export", "--profile", "p", "--format", "yaml"], "argument 'yaml' is invalid"],
    [["login", "--profile", "a", "--sso-session", "b"], "cannot be used with option"],
  ])("a usage error %j exits 2 with the problem on stderr", async (args, message) => {
    const { code, stdout, stderr } = await sso(...args);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain(message);
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it("no command at all is a usage error that shows the help", async () => {
    const { code, stderr } = await sso();
    expect(code).toBe(2);
    expect(stderr).toContain("Usage: sso-kit [options] [command]");
  });
});
