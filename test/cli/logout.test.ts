import { existsSync, readdirSync } from "node:fs";
import { PROFILE, Sandbox } from "./harness";

describe("sso-kit logout", () => {
  let sandbox: Sandbox;

  beforeEach(async () => {
    sandbox = await Sandbox.create({ autoApprove: true });
  });

  afterEach(async () => {
    await sandbox.dispose();
  });

  it("revokes the session, deletes the token and the cached role credentials", async () => {
    expect(
      (await sandbox.run(["login", "--profile", PROFILE, "--use-device-code", "--no-browser"])).code,
    ).toBe(0);
    expect((await sandbox.run(["credential-process", "--profile", PROFILE])).code).toBe(0);
    const { code, stdout } = await sandbox.run(["logout", "--profile", PROFILE]);
    expect(code).toBe(0);
    expect(stdout).toBe("Signed out: deleted 1 SSO token file(s) and 1 cached role credential file(s).\n");
    expect(sandbox.emu.stats().Logout).toBe(1);
    const cacheFiles = readdirSync(`${sandbox.home}/.aws/sso/cache`).filter((name) => name.endsWith(".json"));
    expect(cacheFiles).toHaveLength(1); // the client registration stays for the next login
    expect(
      existsSync(sandbox.roleCredentialCacheDirectory) &&
        readdirSync(sandbox.roleCredentialCacheDirectory).filter((name) => name.endsWith(".json")),
    ).toEqual([]);
    const after = await sandbox.run(["credential-process", "--profile", PROFILE]);
    expect(after.code).toBe(3);
  });

  it("says so when there is nothing to sign out of", async () => {
    const { code, stdout } = await sandbox.run(["logout"]);
    expect(code).toBe(0);
    expect(stdout).toBe("Not signed in: there was no cached SSO session to sign out of.\n");
  });
});
