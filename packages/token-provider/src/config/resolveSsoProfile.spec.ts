import { TokenProviderError } from "@smithy/property-provider";
import { execFileSync } from "node:child_process";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { useTempHome } from "../../../../test/support/useTempHome.js";
import { resolveSsoProfile } from "./resolveSsoProfile.js";
import { resolveSsoSession } from "./resolveSsoSession.js";

describe("resolveSsoProfile", () => {
  const home = useTempHome({ prefix: "sso-kit-token-provider-" });
  const writeConfig = (text: string, file = join(home.dir, ".aws", "config")) => {
    mkdirSync(join(file, ".."), { recursive: true });
    writeFileSync(file, text);
    return file;
  };
  const rejection = async (promise: Promise<unknown>): Promise<TokenProviderError> => {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TokenProviderError);
    return error as TokenProviderError;
  };

  it("resolves an sso-session profile with its session, account, role and scopes", async () => {
    writeConfig(
      "[profile dev]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = Admin\n" +
        "[sso-session corp]\nsso_start_url = https://d-1.awsapps.com/start\nsso_region = eu-west-1\n" +
        "sso_registration_scopes = sso:account:access, codewhisperer:completions\n",
    );
    await expect(resolveSsoProfile({ profile: "dev", ignoreCache: true })).resolves.toEqual({
      kind: "sso-session",
      profileName: "dev",
      accountId: "111122223333",
      roleName: "Admin",
      session: {
        name: "corp",
        startUrl: "https://d-1.awsapps.com/start",
        region: "eu-west-1",
        registrationScopes: ["sso:account:access", "codewhisperer:completions"],
      },
    });
  });

  it("resolves a legacy profile (start URL and region in the profile)", async () => {
    writeConfig(
      "[default]\nsso_start_url = https://d-2.awsapps.com/start\nsso_region = us-east-2\nsso_account_id = 1\n",
    );
    await expect(resolveSsoProfile({ ignoreCache: true })).resolves.toEqual({
      kind: "legacy",
      profileName: "default",
      startUrl: "https://d-2.awsapps.com/start",
      region: "us-east-2",
      accountId: "1",
    });
  });

  it("uses the parent client's profile, then AWS_PROFILE", async () => {
    writeConfig(
      "[profile a]\nsso_session = s\n[profile b]\nsso_session = s\n[sso-session s]\nsso_start_url = u\nsso_region = r\n",
    );
    process.env.AWS_PROFILE = "b";
    await expect(resolveSsoProfile({ ignoreCache: true })).resolves.toMatchObject({ profileName: "b" });
    await expect(
      resolveSsoProfile({ ignoreCache: true, parentClientConfig: { profile: "a" } }),
    ).resolves.toMatchObject({ profileName: "a" });
  });

  it("expands ~/ in configFilepath and filepath, and honours AWS_CONFIG_FILE", async () => {
    writeConfig(
      "[profile x]\nsso_session = s\n[sso-session s]\nsso_start_url = u\nsso_region = r\n",
      join(home.dir, "elsewhere", "cfg"),
    );
    await expect(
      resolveSsoProfile({
        profile: "x",
        configFilepath: "~/elsewhere/cfg",
        filepath: "~/nothing",
        ignoreCache: true,
      }),
    ).resolves.toMatchObject({ kind: "sso-session", session: { name: "s" } });
    process.env.AWS_CONFIG_FILE = "~/elsewhere/cfg";
    await expect(resolveSsoProfile({ profile: "x", ignoreCache: true })).resolves.toMatchObject({
      profileName: "x",
    });
  });

  it("reads ~/.aws/config when AWS_CONFIG_FILE is set but empty, as the SDK does", async () => {
    writeConfig("[profile x]\nsso_session = s\n[sso-session s]\nsso_start_url = u\nsso_region = r\n");
    process.env.AWS_CONFIG_FILE = "";
    process.env.AWS_SHARED_CREDENTIALS_FILE = "";
    await expect(resolveSsoProfile({ profile: "x", ignoreCache: true })).resolves.toMatchObject({
      profileName: "x",
    });
  });

  it("merges the credentials file over the config file", async () => {
    writeConfig("[profile x]\nsso_session = s\n[sso-session s]\nsso_start_url = u\nsso_region = r\n");
    writeFileSync(join(home.dir, ".aws", "credentials"), "[x]\nsso_role_name = FromCredentials\n");
    await expect(resolveSsoProfile({ profile: "x", ignoreCache: true })).resolves.toMatchObject({
      roleName: "FromCredentials",
    });
  });

  it("accepts profile values equal to the session's, and rejects different ones", async () => {
    writeConfig(
      "[profile same]\nsso_session = s\nsso_region = r\nsso_start_url = u\n" +
        "[profile other]\nsso_session = s\nsso_region = elsewhere\n" +
        "[sso-session s]\nsso_start_url = u\nsso_region = r\n",
    );
    await expect(resolveSsoProfile({ profile: "same", ignoreCache: true })).resolves.toMatchObject({
      startUrl: "u",
      region: "r",
    });
    const error = await rejection(resolveSsoProfile({ profile: "other", ignoreCache: true }));
    expect(error.tryNextLink).toBe(false);
    expect(error.message).toContain("sso_region = elsewhere");
    expect(error.message).toContain("sso_region = r");
  });

  it("lets a chain go on when the profile is missing or not an SSO profile", async () => {
    writeConfig("[profile plain]\nregion = us-west-2\n");
    const missing = await rejection(resolveSsoProfile({ profile: "nope", ignoreCache: true }));
    expect(missing.tryNextLink).toBe(true);
    expect(missing.message).toContain("Profile 'nope' could not be found");
    const plain = await rejection(resolveSsoProfile({ profile: "plain", ignoreCache: true }));
    expect(plain.tryNextLink).toBe(true);
    expect(plain.message).toContain("Profile 'plain' is missing required property 'sso_session'");
  });

  it("names an 'aws login' profile (login_session) for what it is and lets a chain go on", async () => {
    writeConfig(
      "[profile console]\nlogin_session = arn:aws:iam::123456789012:user/alice\nregion = us-east-1\n" +
        "[profile both]\nlogin_session = arn:aws:iam::123456789012:user/alice\nsso_session = corp\n" +
        "[sso-session corp]\nsso_start_url = https://d-1.awsapps.com/start\nsso_region = eu-west-1\n",
    );
    const console = await rejection(resolveSsoProfile({ profile: "console", ignoreCache: true }));
    expect(console.tryNextLink).toBe(true);
    expect(console.message).toContain(
      "Profile 'console' uses console credentials ('aws login', login_session), not IAM Identity Center (SSO)",
    );
    expect(console.message).toContain("fromLoginCredentials of @aws-sdk/credential-providers");
    // SSO settings say the user meant SSO: they are used.
    await expect(resolveSsoProfile({ profile: "both", ignoreCache: true })).resolves.toMatchObject({
      kind: "sso-session",
      session: { name: "corp" },
    });
  });

  it("stops a chain with a TokenProviderError (never a TypeError) when the sso-session section is missing", async () => {
    writeConfig("[profile p]\nsso_session = ghost\n");
    const error = await rejection(resolveSsoProfile({ profile: "p", ignoreCache: true }));
    expect(error.tryNextLink).toBe(false);
    expect(error.message).toContain("Sso session 'ghost' could not be found");
    expect(error.message).toContain("[sso-session ghost]");
  });

  it.each(["a#b", "x]y", "ünï", "a=b", "two words"])(
    "names the file and line of an [sso-session %s] the SDK's loader skipped, instead of asking to add it",
    async (name) => {
      const file = writeConfig(
        `[profile p]\nsso_session = ${name}\n\n# the session\n[sso-session ${name}]\nsso_start_url = https://x\nsso_region = r\n`,
      );
      const error = await rejection(resolveSsoProfile({ profile: "p", ignoreCache: true }));
      expect(error.tryNextLink).toBe(false);
      expect(error.message).toBe(
        `Sso session '${name}' could not be found in shared credentials file. [sso-session ${name}] in ${file} line 5 has a name with characters the AWS SDK for JavaScript does not accept (only letters, digits and - _ @ + . % : /), so it skips that section; rename it (and the sso_session settings that name it).`,
      );
    },
  );

  it("names a padded [sso-session  pad ] and a skipped profile, in the file they are in", async () => {
    const file = writeConfig(
      "[profile p]\nsso_session = pad\n[sso-session  pad ]\nsso_start_url = https://x\nsso_region = r\n",
    );
    const padded = await rejection(resolveSsoProfile({ profile: "p", ignoreCache: true }));
    expect(padded.message).toContain(`[sso-session  pad ] in ${file} line 3 has a name with characters`);
    writeConfig("[profile a#b]\nsso_session = s\n");
    const credentials = writeConfig("[ c ]\naws_access_key_id = x\n", join(home.dir, ".aws", "credentials"));
    const profile = await rejection(resolveSsoProfile({ profile: "a#b", ignoreCache: true }));
    expect(profile.tryNextLink).toBe(false);
    expect(profile.message).toContain(
      `[profile a#b] in ${join(home.dir, ".aws", "config")} line 1 has a name`,
    );
    const bare = await rejection(resolveSsoProfile({ profile: "c", ignoreCache: true }));
    expect(bare.message).toContain(`[ c ] in ${credentials} line 1 has a name`);
  });

  it("names both files when a profile is in neither", async () => {
    const file = writeConfig("[profile plain]\nregion = us-west-2\n");
    const error = await rejection(resolveSsoProfile({ profile: "nope", ignoreCache: true }));
    expect(error.message).toBe(
      `Profile 'nope' could not be found in shared credentials file. It is in neither the config file ${file} nor the credentials file ${join(home.dir, ".aws", "credentials")}; check the profile name (AWS_PROFILE or the 'profile' option).`,
    );
  });

  it("rejects a legacy profile without sso_region", async () => {
    writeConfig("[profile p]\nsso_start_url = https://x\n");
    const error = await rejection(resolveSsoProfile({ profile: "p", ignoreCache: true }));
    expect(error.tryNextLink).toBe(false);
    expect(error.message).toContain("'sso_region'");
  });

  it("reads a config file that does not exist as empty", async () => {
    const error = await rejection(
      resolveSsoProfile({ profile: "p", configFilepath: "~/none", ignoreCache: true }),
    );
    expect(error.tryNextLink).toBe(true);
  });

  describe("checks the config files before the ini loader reads them whole", () => {
    const PROFILE =
      "[profile dev]\nsso_session = corp\n[sso-session corp]\nsso_start_url = https://d-1.awsapps.com/start\nsso_region = eu-west-1\n";
    const configPath = () => join(home.dir, ".aws", "config");

    it("follows a symbolic link to a regular file (dotfile managers link ~/.aws/config)", async () => {
      const real = writeConfig(PROFILE, join(home.dir, "dotfiles", "aws-config"));
      mkdirSync(join(home.dir, ".aws"), { recursive: true });
      symlinkSync(real, configPath());
      await expect(resolveSsoProfile({ profile: "dev", ignoreCache: true })).resolves.toMatchObject({
        profileName: "dev",
      });
    });

    it.each([
      ["a FIFO (whose read would never end)", () => execFileSync("mkfifo", [configPath()]), "it is a FIFO"],
      [
        "a symbolic link to /dev/zero",
        () => symlinkSync("/dev/zero", configPath()),
        "it is not a regular file",
      ],
      ["a directory", () => mkdirSync(configPath()), "it is a directory"],
      [
        "a 5 MB file",
        () => writeFileSync(configPath(), `${PROFILE}#${"x".repeat(5_000_000)}\n`),
        "it is larger than 4194304 bytes",
      ],
    ])("names %s in a Misconfigured error instead of reading it", async (_name, make, problem) => {
      mkdirSync(join(home.dir, ".aws"), { recursive: true });
      make();
      const error = await rejection(resolveSsoProfile({ profile: "dev", ignoreCache: true }));
      expect(error.message).toBe(
        `The shared config file ${configPath()} cannot be used: ${problem}. Replace it with a regular ini file.`,
      );
      expect(error).toMatchObject({ tryNextLink: false, reason: "Misconfigured" });
    });
  });
});

describe("resolveSsoSession", () => {
  const home = useTempHome({ prefix: "sso-kit-token-provider-" });

  it("resolves an explicit session and names the missing key", async () => {
    const file = join(home.dir, "config");
    writeFileSync(
      file,
      "[sso-session ok]\nsso_start_url = u\nsso_region = r\n[sso-session half]\nsso_region = r\n",
    );
    await expect(resolveSsoSession("ok", { configFilepath: file, ignoreCache: true })).resolves.toEqual({
      name: "ok",
      startUrl: "u",
      region: "r",
    });
    await expect(resolveSsoSession("half", { configFilepath: file, ignoreCache: true })).rejects.toThrow(
      "Sso session 'half' is missing required property 'sso_start_url'.",
    );
  });
});
