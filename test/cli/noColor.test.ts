import { execFile } from "node:child_process";
import { BIN, PROFILE, Sandbox } from "./harness";

const ESC = "\u001b[";
/** A colour or style (SGR) sequence. Other controls, such as the progress line's erase-line, are not colour. */
// eslint-disable-next-line no-control-regex
const SGR = /\u001b\[[\d;]*m/;

/**
 * Runs the bin on a pseudo-terminal (util-linux `script`), where colour is allowed, and resolves with what it
 * showed. Asynchronously: the emulator runs in this process and must keep answering.
 */
function onTerminal(sandbox: Sandbox, args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<string> {
  const command = [process.execPath, BIN, ...args].map((word) => `'${word}'`).join(" ");
  return new Promise((resolve, reject) => {
    const child = execFile(
      "script",
      ["-qec", command, "/dev/null"],
      { env: { ...sandbox.env, TERM: "xterm-256color", ...extraEnv }, encoding: "utf8", timeout: 20_000 },
      (error, stdout) => (error && error.killed ? reject(error) : resolve(stdout)),
    );
    child.stdin?.end();
  });
}

describe("colour", () => {
  let sandbox: Sandbox;

  beforeAll(async () => {
    sandbox = await Sandbox.create();
    await sandbox.seedSignIn();
  });

  afterAll(async () => {
    await sandbox.dispose();
  });

  it("is used on a terminal", async () => {
    expect(await onTerminal(sandbox, ["ls", "--profile", PROFILE])).toContain(`${ESC}1mACCOUNT ID`);
    expect(await onTerminal(sandbox, ["ls", "--profile", "nope"])).toContain(`${ESC}31msso-kit: error:`);
  });

  it("is never used when NO_COLOR is set", async () => {
    const table = await onTerminal(sandbox, ["ls", "--profile", PROFILE], { NO_COLOR: "1" });
    expect(table).toContain("ACCOUNT ID");
    expect(table).not.toMatch(SGR);
    const error = await onTerminal(sandbox, ["ls", "--profile", "nope"], { NO_COLOR: "1" });
    expect(error).toContain("sso-kit: error:");
    expect(error).not.toMatch(SGR);
  });

  it("is never used when the output is not a terminal", async () => {
    const table = await sandbox.run(["ls", "--profile", PROFILE]);
    const error = await sandbox.run(["ls", "--profile", "nope"]);
    expect(table.stdout).toContain("ACCOUNT ID");
    expect(error.stderr).toContain("sso-kit: error:");
    for (const run of [table, error]) expect(run.stdout + run.stderr).not.toContain(ESC);
  });
});
