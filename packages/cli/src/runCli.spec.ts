import { ExitCode } from "./ExitCode.js";
import { runCli } from "./runCli.js";
import { VERSION } from "./version.js";

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, {
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    env: {},
  });
  return { code, stdout, stderr };
}

describe("runCli", () => {
  it("prints the version", async () => {
    await expect(run("--version")).resolves.toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: "" });
  });

  it("prints help with every command and the exit codes", async () => {
    const { code, stdout, stderr } = await run("--help");
    expect(code).toBe(ExitCode.Ok);
    expect(stderr).toBe("");
    for (const command of ["login", "logout", "ls", "credential-process", "export", "emulator"]) {
      expect(stdout).toMatch(new RegExp(`^  ${command}\\b`, "m"));
    }
    expect(stdout).toContain("Exit codes:");
  });

  // `emulator --help` is the emulator program's own help: see test/cli.
  it.each(["login", "logout", "ls", "credential-process", "export"])(
    "prints help for %s",
    async (command) => {
      const { code, stdout } = await run(command, "--help");
      expect(code).toBe(ExitCode.Ok);
      expect(stdout).toContain(`Usage: sso-kit ${command}`);
    },
  );

  it("`help <command>` prints the command's help", async () => {
    const { code, stdout } = await run("help", "ls");
    expect(code).toBe(ExitCode.Ok);
    expect(stdout).toContain("Usage: sso-kit ls");
  });

  it.each([
    [["nope"], "unknown command 'nope'"],
    [["ls", "--nope"], "unknown option '--nope'"],
    [["ls", "extra"], "too many arguments"],
    [["credential-process"], "required option '--profile <name>' not specified"],
    [["export", "--format", "xml"], "argument 'xml' is invalid"],
  ])("exits 2 with one line on stderr for %j", async (argv, message) => {
    const { code, stdout, stderr } = await run(...argv);
    expect(code).toBe(ExitCode.Usage);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^sso-kit: .+ \(run 'sso-kit( [a-z-]+)? --help' for usage\)\n$/);
    expect(stderr).toContain(message);
  });

  it("exits 2 and shows help on stderr when no command is given", async () => {
    const { code, stdout, stderr } = await run();
    expect(code).toBe(ExitCode.Usage);
    expect(stdout).toBe("");
    expect(stderr).toContain("Usage: sso-kit");
  });
});
