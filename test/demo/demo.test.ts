import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

const DEMO = path.join(__dirname, "demo.mjs");

/**
 * Shapes of the secrets the emulator issues: access and refresh tokens, client secrets, device codes, session
 * tokens, and 40-character secret access keys (a 40-digit hex SHA-1, as in cache file names, is not one).
 */
const SECRET_SHAPES = [
  /emu-at-/,
  /emu-rt-/,
  /emu-secret-/,
  /emu-device-/,
  /IQoJb3JpZ2luX2VjE/,
  /(?<![\w/+])(?![0-9a-f]{40})[\w/+]{40}(?![\w/+])/,
];

function runDemo(): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [DEMO],
      { env: { PATH: process.env.PATH }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe("pnpm demo", () => {
  it("tells the whole story, exits 0, prints no secret and leaves nothing behind", async () => {
    const { code, stdout, stderr } = await runDemo();
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });

    const lines = stdout.split("\n");
    const steps = lines.filter((line) => /^\d\. /.test(line));
    expect(steps.map((line) => line.slice(0, 2))).toEqual(["1.", "2.", "3.", "4.", "5.", "6.", "7."]);
    expect(stdout).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/);
    expect(stdout).toMatch(/signed in to https:\/\/\S+ \(us-east-1\), sso-session 'demo'/);
    // First call: one sign-in token, one set of role credentials, one verified STS call.
    expect(stdout).toContain("emulator counters: CreateToken 1, GetRoleCredentials 1, GetCallerIdentity 1");
    // After the session aged: the token was refreshed and new role credentials were fetched.
    expect(stdout).toContain("token refreshed with its refresh token");
    expect(stdout).toContain("emulator counters: CreateToken 2, GetRoleCredentials 2, GetCallerIdentity 2");
    expect(stdout).toMatch(/new role credentials ASIA…\w{4} \(were ASIA…\w{4}\)/);
    expect(stdout).toMatch(/\$ sso-kit ls │ ACCOUNT ID +ACCOUNT NAME +ROLE/);
    expect(stdout).toMatch(/→ Version 1 JSON with AccessKeyId ASIA…\w{4}, Expiration \d{4}-/);
    expect(stdout).toContain("Done: the emulator is stopped and the temporary HOME removed.");

    for (const shape of SECRET_SHAPES) expect(stdout).not.toMatch(shape);
    const home = /\(temporary HOME (\S+), removed at the end\)/.exec(stdout)?.[1];
    expect(home).toBeDefined();
    expect(existsSync(home!)).toBe(false);
  }, 90_000);
});
