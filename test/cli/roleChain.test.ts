/**
 * `sso-kit credential-process` and `sso-kit export` for a role chain (`role_arn` + `source_profile` ending in an SSO
 * profile): the built bin, as users run it, against the emulator; the printed credentials sign a real STS client's
 * GetCallerIdentity, which must report the assumed role.
 */
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { readFileSync, writeFileSync } from "node:fs";
import { PROFILE, Sandbox } from "./harness";

const DEPLOY = "arn:aws:iam::222222222222:role/Deploy";

describe("sso-kit with a role-chain profile", () => {
  let sandbox: Sandbox;

  beforeEach(async () => {
    sandbox = await Sandbox.create({ trust: { [DEPLOY]: ["111111111111"] } });
    writeFileSync(
      sandbox.configFile,
      [
        readFileSync(sandbox.configFile, "utf8"),
        "[profile prod]",
        `role_arn = ${DEPLOY}`,
        `source_profile = ${PROFILE}`,
        "role_session_name = alice",
        "[profile static]",
        "aws_access_key_id = AKIDSTATIC",
        "aws_secret_access_key = static-secret",
        "[profile via-static]",
        `role_arn = ${DEPLOY}`,
        "source_profile = static",
        "",
      ].join("\n"),
    );
  });

  afterEach(async () => {
    await sandbox.dispose();
  });

  const callerArn = async (credentials: {
    accessKeyId: string;
    secretAccessKey: string;
    sessionToken: string;
  }) => {
    const sts = new STSClient({ region: sandbox.emu.region, endpoint: sandbox.emu.url, credentials });
    try {
      return (await sts.send(new GetCallerIdentityCommand({}))).Arn;
    } finally {
      sts.destroy();
    }
  };

  it("credential-process prints the assumed role's credentials", async () => {
    await sandbox.seedSignIn();
    const { code, stdout, stderr } = await sandbox.run(["credential-process", "--profile", "prod"]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    const printed = JSON.parse(stdout) as Record<string, string>;
    expect(printed).toMatchObject({ Version: 1, Expiration: expect.stringMatching(/Z$/) });
    expect(
      await callerArn({
        accessKeyId: printed.AccessKeyId!,
        secretAccessKey: printed.SecretAccessKey!,
        sessionToken: printed.SessionToken!,
      }),
    ).toBe("arn:aws:sts::222222222222:assumed-role/Deploy/alice");
    expect(sandbox.emu.stats()).toMatchObject({ GetRoleCredentials: 1, AssumeRole: 1 });
  });

  it("a second credential-process reuses the assumed role cached by the first, with no call", async () => {
    await sandbox.seedSignIn();
    const first = await sandbox.run(["credential-process", "--profile", "prod"]);
    const second = await sandbox.run(["credential-process", "--profile", "prod"]);
    expect([first.code, second.code]).toEqual([0, 0]);
    const keyOf = (stdout: string) => (JSON.parse(stdout) as { AccessKeyId: string }).AccessKeyId;
    expect(keyOf(second.stdout)).toBe(keyOf(first.stdout));
    expect(sandbox.emu.stats()).toMatchObject({ GetRoleCredentials: 1, AssumeRole: 1 });
  });

  it("export prints them as shell exports", async () => {
    await sandbox.seedSignIn();
    const { code, stdout, stderr } = await sandbox.run(["export", "--profile", "prod"]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    const value = (name: string) =>
      new RegExp(`^export ${name}='?([^'\\n]+)'?$`, "m").exec(stdout)?.[1] ?? "";
    expect(
      await callerArn({
        accessKeyId: value("AWS_ACCESS_KEY_ID"),
        secretAccessKey: value("AWS_SECRET_ACCESS_KEY"),
        sessionToken: value("AWS_SESSION_TOKEN"),
      }),
    ).toBe("arn:aws:sts::222222222222:assumed-role/Deploy/alice");
  });

  it("a chain with no SSO profile in it exits 1 with one line saying so", async () => {
    await sandbox.seedSignIn();
    const { code, stdout, stderr } = await sandbox.run(["credential-process", "--profile", "via-static"]);
    expect({ code, stdout }).toEqual({ code: 1, stdout: "" });
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toContain("not an IAM Identity Center (SSO) role chain");
    expect(sandbox.emu.stats()).toMatchObject({ GetRoleCredentials: 0, AssumeRole: 0 });
  });
});
