import { join } from "node:path";
import { GetRoleCredentialsCommand, SSOClient } from "@aws-sdk/client-sso";
import { RegisterClientCommand, SSOOIDCClient } from "@aws-sdk/client-sso-oidc";
import { killAllChildren, startChild } from "../support/startChild";

/** The built bin (CI runs `pnpm build` first). */
const BIN = join(__dirname, "../../packages/emulator/dist/esm/bin/sso-kit-emulator.js");

describe("the sso-kit-emulator bin", () => {
  afterEach(killAllChildren);

  it.each(["SIGTERM", "SIGINT"] as const)(
    "prints the exports, answers the SDK clients and exits 0 on %s",
    async (signal) => {
      const bin = startChild(BIN, {}, ["--auto-approve", "--region", "eu-west-1"]);
      await bin.next((line) => line.includes("Ctrl+C"));
      const out = bin.lines.join("\n");
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

      bin.process.kill(signal);
      const { code } = await bin.exited;
      expect(code).toBe(0);
      expect(bin.lines.join("\n")).toContain("stopped");
      expect(bin.stderr()).toBe("");
    },
  );

  it("--help prints the usage and exits 0; an unknown option exits 2", async () => {
    const help = startChild(BIN, {}, ["--help"]);
    expect((await help.exited).code).toBe(0);
    expect(help.lines.join("\n")).toContain("Usage: sso-kit-emulator");
    const unknown = startChild(BIN, {}, ["--frobnicate"]);
    expect((await unknown.exited).code).toBe(2);
    expect(unknown.stderr()).toContain("--frobnicate");
  });
});
