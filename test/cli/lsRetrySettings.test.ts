import { readFileSync } from "node:fs";
import { Sandbox, TOKEN_ONLY_PROFILE } from "./harness";

/**
 * The listing client's retries follow the user's AWS_RETRY_MODE / AWS_MAX_ATTEMPTS and the profile's
 * retry_mode / max_attempts, as every SDK client does; sso-kit's own choice (adaptive, 5 attempts: it rides out
 * the portal's throttling) applies only to what the user left unset. One injected 429 tells them apart: with
 * nothing set the listing retries through 429s (lsThrottled.test.ts proves it, not repeated here: each backoff costs
 * seconds in every CI lane).
 */
describe("sso-kit ls: the user's retry settings", () => {
  let sandbox: Sandbox;

  beforeAll(async () => {
    sandbox = await Sandbox.create();
    await sandbox.seedSignIn();
  });

  afterAll(async () => {
    await sandbox.dispose();
  });

  const throttleListAccounts = (times: number): void => {
    sandbox.emu.faults.clear();
    sandbox.emu.faults.add({
      operation: "ListAccounts",
      status: 429,
      exception: "TooManyRequestsException",
      times,
    });
  };
  const ls = (env: NodeJS.ProcessEnv = {}) => sandbox.run(["ls", "--profile", TOKEN_ONLY_PROFILE], env);

  it("AWS_MAX_ATTEMPTS=1: one 429 fails the listing as a service failure to try again", async () => {
    throttleListAccounts(1);
    const run = await ls({ AWS_MAX_ATTEMPTS: "1" });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/IAM Identity Center .*ListAccounts.*HTTP 429.*try again/);
  });

  it("max_attempts = 1 in the profile: likewise", async () => {
    const config = readFileSync(sandbox.configFile, "utf8");
    try {
      sandbox.writeConfig(
        config.replace(
          `[profile ${TOKEN_ONLY_PROFILE}]\n`,
          `[profile ${TOKEN_ONLY_PROFILE}]\nmax_attempts = 1\n`,
        ),
      );
      throttleListAccounts(1);
      const run = await ls();
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/ListAccounts.*HTTP 429.*try again/);
    } finally {
      sandbox.writeConfig(config);
    }
  });
});
