import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { secretsInFiles } from "../support/secrets";
import type { CliRun } from "./harness";
import { PROFILE, Sandbox, SESSION, TOKEN_ONLY_PROFILE } from "./harness";

// A dozen runs of the built CLI one after the other: seconds each on a loaded machine.
jest.setTimeout(120_000);

describe("secrets in sso-kit's output", () => {
  it("never appear, even with --debug, except the credentials credential-process and export exist to print", async () => {
    const sandbox = await Sandbox.create({ autoApprove: true, roleCredentialsTtlSeconds: 900 });
    try {
      const tokenCache = sandbox.tokenCache;
      const roleCache = sandbox.roleCredentialCacheDirectory;
      const tokenSecrets = new Set<string>();
      const roleSecrets = new Set<string>();
      const collect = (): void => {
        for (const secret of secretsInFiles(tokenCache.directory)) tokenSecrets.add(secret);
        for (const secret of secretsInFiles(roleCache)) roleSecrets.add(secret);
      };
      const sso = async (...args: string[]): Promise<CliRun> => {
        const run = await sandbox.run(["--debug", ...args]);
        collect();
        return run;
      };

      expect((await sso("login", "--profile", PROFILE, "--use-device-code", "--no-browser")).code).toBe(0);
      expect((await sso("ls", "--profile", TOKEN_ONLY_PROFILE)).code).toBe(0);
      expect((await sso("credential-process", "--profile", PROFILE)).code).toBe(0);
      expect((await sso("export", "--profile", PROFILE)).code).toBe(0);
      // A role chain: the assumed role's credentials are cached too (then reused), and scanned for.
      const target = sandbox.emu.accounts[1]!;
      writeFileSync(
        sandbox.configFile,
        `${readFileSync(sandbox.configFile, "utf8")}\n[profile chain]\n` +
          `role_arn = arn:aws:iam::${target.accountId}:role/${target.roles[0]!}\nsource_profile = ${PROFILE}\n`,
      );
      expect((await sso("credential-process", "--profile", "chain")).code).toBe(0);
      expect((await sso("export", "--profile", "chain")).code).toBe(0);
      expect(sandbox.emu.stats().AssumeRole).toBe(1);

      // Force a token refresh: the token now expires within the refresh window, the role credentials are stale.
      const tokenFile = tokenCache.tokenPath(SESSION);
      const token = JSON.parse(readFileSync(tokenFile, "utf8")) as Record<string, unknown>;
      writeFileSync(
        tokenFile,
        JSON.stringify({ ...token, expiresAt: new Date(Date.now() + 60_000).toISOString() }),
      );
      for (const name of readdirSync(roleCache)) writeFileSync(path.join(roleCache, name), "{}");
      expect((await sso("export", "--profile", PROFILE, "--format", "json")).code).toBe(0);
      expect(sandbox.emu.stats().CreateToken).toBeGreaterThanOrEqual(2); // sign-in + refresh

      // Failures print their causes: revoked session, bad profile.
      sandbox.emu.revokeToken(
        (JSON.parse(readFileSync(tokenFile, "utf8")) as { accessToken: string }).accessToken,
      );
      expect((await sso("ls", "--profile", PROFILE)).code).toBe(3);
      expect((await sso("credential-process", "--profile", "nope")).code).toBe(1);
      expect((await sso("logout")).code).toBe(0);

      expect(tokenSecrets.size).toBeGreaterThanOrEqual(5); // 2 access tokens, 2 refresh tokens, a client secret
      expect(roleSecrets.size).toBeGreaterThanOrEqual(6); // and the assumed role's two
      const printsCredentials = (run: CliRun): boolean =>
        run.args.includes("credential-process") || run.args.includes("export");
      const everything = sandbox.runs.map((run) => `${run.stdout}\n${run.stderr}`).join("\n");
      const exceptCredentials = sandbox.runs
        .map((run) => (printsCredentials(run) ? run.stderr : `${run.stdout}\n${run.stderr}`))
        .join("\n");
      expect(everything).toContain("sso-kit debug:"); // --debug did log
      for (const secret of tokenSecrets) expect(everything).not.toContain(secret);
      for (const secret of roleSecrets) expect(exceptCredentials).not.toContain(secret);
    } finally {
      await sandbox.dispose();
    }
  });
});
