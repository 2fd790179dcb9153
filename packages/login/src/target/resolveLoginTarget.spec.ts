import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { resolveLoginTarget } from "./resolveLoginTarget.js";

describe("resolveLoginTarget", () => {
  let dir: string;
  let configFilepath: string;
  const write = (text: string): void => writeFileSync(configFilepath, text);

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "sso-kit-target-"));
    configFilepath = path.join(dir, "config");
    write(
      [
        "[profile dev]",
        "sso_session = corp",
        "[sso-session corp]",
        "sso_start_url = https://corp.awsapps.com/start",
        "sso_region = eu-west-1",
        "sso_registration_scopes = sso:account:access, codewhisperer:completions",
        "[profile old]",
        "sso_start_url = https://old.awsapps.com/start",
        "sso_region = us-east-2",
        "[profile plain]",
        "region = us-east-1",
      ].join("\n"),
    );
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const resolve = (options: Parameters<typeof resolveLoginTarget>[0]) =>
    resolveLoginTarget({ configFilepath, filepath: path.join(dir, "credentials"), ...options });

  it("resolves a session profile to the PKCE flow, keyed by session name", async () => {
    await expect(resolve({ profile: "dev" })).resolves.toEqual({
      profileName: "dev",
      sessionName: "corp",
      startUrl: "https://corp.awsapps.com/start",
      region: "eu-west-1",
      scopes: ["sso:account:access", "codewhisperer:completions"],
      flow: "pkce",
      tokenKey: "corp",
    });
  });

  it("resolves a legacy profile to the device flow, keyed by start URL", async () => {
    await expect(resolve({ profile: "old" })).resolves.toEqual({
      profileName: "old",
      startUrl: "https://old.awsapps.com/start",
      region: "us-east-2",
      flow: "device",
      tokenKey: "https://old.awsapps.com/start",
    });
  });

  it("resolves a named session, with the device flow and scopes on request", async () => {
    await expect(resolve({ ssoSession: "corp", flow: "device", scopes: ["a:b"] })).resolves.toEqual({
      sessionName: "corp",
      startUrl: "https://corp.awsapps.com/start",
      region: "eu-west-1",
      scopes: ["a:b"],
      flow: "device",
      tokenKey: "corp",
    });
  });

  it("reads the file afresh each time", async () => {
    await resolve({ profile: "dev" });
    write(
      "[profile dev]\nsso_session = corp\n[sso-session corp]\nsso_start_url = https://new.awsapps.com/start\nsso_region = eu-west-1\n",
    );
    await expect(resolve({ profile: "dev" })).resolves.toMatchObject({
      startUrl: "https://new.awsapps.com/start",
    });
  });

  it("wraps the token provider's configuration errors as InvalidConfig, keeping the cause", async () => {
    const error = await resolve({ profile: "plain" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "LoginError", code: "InvalidConfig" });
    expect((error as Error).message).toContain("Profile 'plain'");
    expect((error as Error).cause).toMatchObject({ name: "TokenProviderError" });
  });
});
