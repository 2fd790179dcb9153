import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import { GetRoleCredentialsCommand, SSOClient } from "@aws-sdk/client-sso";
import { RegisterClientCommand, SSOOIDCClient } from "@aws-sdk/client-sso-oidc";

/** The built bin (CI runs `pnpm build` first). */
const BIN = join(__dirname, "../../packages/emulator/dist/esm/bin/sso-kit-emulator.js");

const run = (args: string[]) => {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: "pipe" }) as ChildProcessWithoutNullStreams;
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = once(child, "exit") as Promise<[number | null, NodeJS.Signals | null]>;
  const output = async (pattern: RegExp): Promise<string> => {
    for (let i = 0; i < 200; i += 1) {
      if (pattern.test(stdout)) return stdout;
      if (child.exitCode !== null) break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`no ${pattern} in output: ${stdout}${stderr}`);
  };
  return { child, exited, output, stdout: () => stdout, stderr: () => stderr };
};

describe("the sso-kit-emulator bin", () => {
  let current: ReturnType<typeof run> | undefined;
  afterEach(() => {
    if (current !== undefined && current.child.exitCode === null) current.child.kill("SIGKILL");
    current = undefined;
  });

  it.each(["SIGTERM", "SIGINT"] as const)(
    "prints the exports, answers the SDK clients and exits 0 on %s",
    async (signal) => {
      current = run(["--auto-approve", "--region", "eu-west-1"]);
      const out = await current.output(/Ctrl\+C/);
      const url = /^sso-kit emulator listening on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(out)?.[1];
      expect(url).toBeDefined();
      const exports = /^export (.+)$/m.exec(out)?.[1] ?? "";
      expect(Object.fromEntries(exports.split(" ").map((pair) => pair.split("=")))).toEqual({
        AWS_ENDPOINT_URL_SSO: url,
        AWS_ENDPOINT_URL_SSO_OIDC: url,
        AWS_ENDPOINT_URL_STS: url,
      });
      expect(out).toMatch(
        /^\[sso-session emulator\]\nsso_start_url = https:\/\/\S+\nsso_region = eu-west-1$/m,
      );

      const registered = await new SSOOIDCClient({ region: "eu-west-1", endpoint: url }).send(
        new RegisterClientCommand({ clientName: "bin-test", clientType: "public" }),
      );
      expect(registered.clientId).toEqual(expect.any(String));
      await expect(
        new SSOClient({ region: "eu-west-1", endpoint: url }).send(
          new GetRoleCredentialsCommand({
            accessToken: "unknown",
            accountId: "111111111111",
            roleName: "ReadOnly",
          }),
        ),
      ).rejects.toMatchObject({ name: "UnauthorizedException", $metadata: { httpStatusCode: 401 } });

      current.child.kill(signal);
      const [code] = await current.exited;
      expect(code).toBe(0);
      expect(current.stdout()).toContain("stopped");
      expect(current.stderr()).toBe("");
    },
  );

  it("--help prints the usage and exits 0; an unknown option exits 2", async () => {
    current = run(["--help"]);
    expect((await current.exited)[0]).toBe(0);
    expect(current.stdout()).toContain("Usage: sso-kit-emulator");
    current = run(["--frobnicate"]);
    expect((await current.exited)[0]).toBe(2);
    expect(current.stderr()).toContain("--frobnicate");
  });
});
