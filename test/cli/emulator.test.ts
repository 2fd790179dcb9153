import { BIN, finished, waitForOutput } from "./harness";
import { spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const CLI_DIR = path.join(__dirname, "../../packages/cli");

/**
 * `@sso-kit/cli` installed as a user without the optional `@sso-kit/emulator` has it: its package.json and dist
 * in `<dir>/node_modules/@sso-kit/cli`, beside (links to) every dependency it declares, and nothing else.
 */
const installWithoutEmulator = (): { dir: string; bin: string } => {
  const dir = mkdtempSync(path.join(tmpdir(), "sso-kit-cli-install-"));
  const modules = path.join(dir, "node_modules");
  const target = path.join(modules, "@sso-kit", "cli");
  mkdirSync(target, { recursive: true });
  cpSync(path.join(CLI_DIR, "package.json"), path.join(target, "package.json"));
  cpSync(path.join(CLI_DIR, "dist"), path.join(target, "dist"), { recursive: true });
  const manifest = JSON.parse(readFileSync(path.join(CLI_DIR, "package.json"), "utf8")) as {
    dependencies: Record<string, string>;
  };
  for (const name of Object.keys(manifest.dependencies)) {
    mkdirSync(path.dirname(path.join(modules, name)), { recursive: true });
    symlinkSync(realpathSync(path.join(CLI_DIR, "node_modules", name)), path.join(modules, name), "dir");
  }
  return { dir, bin: path.join(target, "dist/esm/bin/sso-kit.js") };
};

describe("sso-kit emulator", () => {
  it("runs the emulator, prints how to use it, and stops on SIGTERM", async () => {
    const args = ["emulator", "--auto-approve", "--region", "eu-west-1"];
    const child = spawn(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH } });
    const done = finished(child, args);
    const [, url] = await waitForOutput(
      child,
      "stdout",
      /listening on (http:\/\/127\.0\.0\.1:\d+)[^]*Press Ctrl\+C/,
    );
    const stats = await fetch(`${url}/__emulator/stats`);
    expect(stats.status).toBe(200);
    child.kill("SIGTERM");
    const { code, stdout, stderr } = await done;
    expect(code).toBe(0);
    expect(stderr).toBe("");
    expect(stdout).toContain(`export AWS_ENDPOINT_URL_SSO=${url}`);
    expect(stdout).toContain("[sso-session emulator]");
    expect(stdout).toContain("sso_region = eu-west-1");
    expect(stdout).toContain("sso-kit emulator stopped.");
    await expect(fetch(`${url}/__emulator/stats`)).rejects.toThrow();
  });

  it("exits 2 with the emulator's usage on a bad option", async () => {
    const args = ["emulator", "--port", "not-a-port"];
    const child = spawn(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH } });
    const { code, stdout, stderr } = await finished(child, args);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("--port");
    expect(stderr).toContain("invalid emulator options");
  });

  it("says how to get @sso-kit/emulator when it is not installed (an optional peer dependency)", async () => {
    const install = installWithoutEmulator();
    try {
      const args = ["emulator", "--auto-approve"];
      const child = spawn(process.execPath, [install.bin, ...args], { env: { PATH: process.env.PATH } });
      const { code, stdout, stderr } = await finished(child, args);
      expect(code).toBe(1);
      expect(stdout).toBe("");
      expect(stderr).toContain("npm install -g @sso-kit/emulator");
      expect(stderr).toContain("npx @sso-kit/emulator");
      expect(stderr.trim().split("\n")).toHaveLength(1);
      // Every other command still works there.
      const help = spawn(process.execPath, [install.bin, "--version"], { env: { PATH: process.env.PATH } });
      expect(await finished(help, ["--version"])).toMatchObject({ code: 0 });
    } finally {
      rmSync(install.dir, { recursive: true, force: true });
    }
  });
});
