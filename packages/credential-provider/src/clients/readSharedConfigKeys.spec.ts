import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { writeConfig } from "../__fixtures__/testEnvironment.js";
import { useTempHome } from "../../../../test/support/useTempHome.js";
import { readSharedConfigKeys } from "./readSharedConfigKeys.js";

const home = useTempHome({ prefix: "sso-kit-credential-provider-", createAwsDirectory: true });

const CONFIG = [
  "[default]",
  "region = eu-west-1",
  "max_attempts = 5",
  "[profile dev]",
  "sso_session = corp",
  "services = local",
  "[services local]",
  "sso =",
  "  endpoint_url = http://127.0.0.1:4566",
  "[sso-session corp]",
  "retry_mode = standard",
].join("\n");

test("no shared files: no keys", async () => {
  await expect(readSharedConfigKeys({})).resolves.toEqual(new Set());
});

test("without AWS_PROFILE: the default profile's keys, merged with the credentials file's", async () => {
  writeConfig(CONFIG);
  writeFileSync(join(home.dir, ".aws", "credentials"), "[default]\naws_access_key_id = AKID\n");
  await expect(readSharedConfigKeys({})).resolves.toEqual(
    new Set(["region", "max_attempts", "aws_access_key_id"]),
  );
});

test("with AWS_PROFILE: that profile's keys only (not its sso-session's, nor the services section's)", async () => {
  writeConfig(CONFIG);
  await expect(readSharedConfigKeys({ AWS_PROFILE: "dev" })).resolves.toEqual(
    new Set(["sso_session", "services"]),
  );
});

test("AWS_CONFIG_FILE, with ~/ expanded, replaces the default file", async () => {
  writeConfig("[default]\nignored = 1\n");
  mkdirSync(join(home.dir, "elsewhere"));
  writeFileSync(join(home.dir, "elsewhere", "config"), "[default]\nuse_fips_endpoint = true\n");
  const previous = process.env.AWS_CONFIG_FILE;
  process.env.AWS_CONFIG_FILE = "~/elsewhere/config";
  try {
    await expect(readSharedConfigKeys({})).resolves.toEqual(new Set(["use_fips_endpoint"]));
  } finally {
    if (previous === undefined) delete process.env.AWS_CONFIG_FILE;
    else process.env.AWS_CONFIG_FILE = previous;
  }
});
