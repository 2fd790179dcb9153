import { BIN, finished, waitForOutput } from "./harness";
import { spawn } from "node:child_process";

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
});
