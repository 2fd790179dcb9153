import { readFileSync, statSync, writeFileSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";
import { useTempHome } from "../../../../test/support/useTempHome.js";
import { RoleCredentialCache } from "./RoleCredentialCache.js";

const credentials = {
  accessKeyId: "ASIACACHE",
  secretAccessKey: "cache-secret",
  sessionToken: "cache-session",
  expiration: new Date("2030-01-02T03:04:05.000Z"),
  accountId: "111111111111",
};

describe("RoleCredentialCache", () => {
  const home = useTempHome({ prefix: "sso-kit-cli-cache-" });

  it("lives in ~/.aws/cli/cache, like the AWS CLI's", () => {
    expect(new RoleCredentialCache().path("abc")).toBe(
      path.join(home.dir, ".aws", "cli", "cache", "abc.json"),
    );
  });

  it("writes the AWS CLI's format, 0600 in a 0700 directory, and reads it back", async () => {
    const cache = new RoleCredentialCache();
    await cache.write("key", credentials);
    const file = cache.path("key");
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({
      ProviderType: "sso",
      Credentials: {
        AccessKeyId: "ASIACACHE",
        SecretAccessKey: "cache-secret",
        SessionToken: "cache-session",
        Expiration: "2030-01-02T03:04:05Z",
        AccountId: "111111111111",
      },
    });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(cache.directory).mode & 0o777).toBe(0o700);
    await expect(cache.read("key")).resolves.toEqual(credentials);
    expect(readdirSync(cache.directory)).toEqual(["key.json"]);
  });

  it("has nothing for a missing file", async () => {
    await expect(new RoleCredentialCache().read("missing")).resolves.toBeUndefined();
  });

  it.each([
    ["truncated JSON", '{"ProviderType":"sso","Credentials":{"AccessKeyId":"A'],
    ["an empty file", ""],
    ["a wrong shape", '{"ProviderType":"sso","Credentials":{"AccessKeyId":1}}'],
    ["a JSON array", "[]"],
  ])("ignores %s, says why at debug level without secrets, and replaces it", async (_, text) => {
    const messages: string[] = [];
    const logger = {
      debug: (message: string) => messages.push(message),
      info: () => {},
      warn: () => {},
      error: () => {},
    };
    const cache = new RoleCredentialCache({ logger });
    mkdirSync(cache.directory, { recursive: true });
    writeFileSync(cache.path("key"), text);
    await expect(cache.read("key")).resolves.toBeUndefined();
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(cache.path("key"));
    await cache.write("key", credentials);
    await expect(cache.read("key")).resolves.toEqual(credentials);
  });
});
