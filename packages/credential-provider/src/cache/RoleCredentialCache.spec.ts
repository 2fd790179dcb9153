import { readFileSync, statSync, writeFileSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";
import { recordingLogger } from "../../../../test/support/recordingLogger.js";
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

  it("writes assumed roles as the AWS CLI caches an AssumeRole reply (no ProviderType), and reads them back", async () => {
    const cache = new RoleCredentialCache({ entry: "assume-role" });
    const { accountId: _, ...assumed } = credentials;
    const user = {
      arn: "arn:aws:sts::222222222222:assumed-role/Deploy/alice",
      assumedRoleId: "AROADEPLOY:alice",
    };
    await cache.write("hop", { ...assumed, assumedRoleUser: user });
    expect(JSON.parse(readFileSync(cache.path("hop"), "utf8"))).toEqual({
      Credentials: {
        AccessKeyId: "ASIACACHE",
        SecretAccessKey: "cache-secret",
        SessionToken: "cache-session",
        Expiration: "2030-01-02T03:04:05Z",
      },
      AssumedRoleUser: { AssumedRoleId: "AROADEPLOY:alice", Arn: user.arn },
    });
    expect(statSync(cache.path("hop")).mode & 0o777).toBe(0o600);
    await expect(cache.read("hop")).resolves.toEqual({ ...assumed, assumedRoleUser: user });
    // Each store reads only its own kind of entry.
    await expect(new RoleCredentialCache().read("hop")).resolves.toBeUndefined();
    await new RoleCredentialCache().write("sso", credentials);
    await expect(cache.read("sso")).resolves.toBeUndefined();
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

  describe("resolve", () => {
    const WINDOW = 5 * 60_000;
    const fetched = (expiresInMs: number) => ({
      ...credentials,
      accessKeyId: "ASIAFETCHED",
      expiration: new Date(Date.now() + expiresInMs),
    });

    it("uses fresh cached credentials without fetching", async () => {
      const cache = new RoleCredentialCache();
      const onDisk = fetched(3_600_000);
      await cache.write("key", onDisk);
      const fetch = jest.fn(() => Promise.resolve(fetched(3_600_000)));
      const resolved = await cache.resolve("key", fetch, { refreshWindowMs: WINDOW });
      expect(resolved.source).toBe("cache");
      expect(resolved.credentials.expiration.getTime()).toBe(
        Math.floor(onDisk.expiration.getTime() / 1000) * 1000,
      );
      expect(fetch).not.toHaveBeenCalled();
    });

    it("never trusts a file past its expiry minus the refresh window: fetches and replaces it", async () => {
      const cache = new RoleCredentialCache();
      await cache.write("key", { ...credentials, expiration: new Date(Date.now() + WINDOW - 1_000) });
      const resolved = await cache.resolve("key", () => Promise.resolve(fetched(3_600_000)), {
        refreshWindowMs: WINDOW,
      });
      expect(resolved.source).toBe("sso");
      await expect(cache.read("key")).resolves.toMatchObject({ accessKeyId: "ASIAFETCHED" });
      expect(readdirSync(cache.directory).sort()).toEqual(["key.json"]);
    });

    it("with reuse: false fetches whatever the file holds, and replaces it", async () => {
      const cache = new RoleCredentialCache();
      await cache.write("key", { ...credentials, expiration: new Date(Date.now() + 3_600_000) });
      const resolved = await cache.resolve("key", () => Promise.resolve(fetched(3_600_000)), {
        refreshWindowMs: WINDOW,
        reuse: false,
      });
      expect(resolved.source).toBe("sso");
      await expect(cache.read("key")).resolves.toMatchObject({ accessKeyId: "ASIAFETCHED" });
    });

    it("passes a failed fetch on, leaving the file and no lock behind", async () => {
      const cache = new RoleCredentialCache();
      const failure = new Error("portal down");
      await expect(
        cache.resolve("key", () => Promise.reject(failure), { refreshWindowMs: WINDOW }),
      ).rejects.toBe(failure);
      expect(readdirSync(cache.directory)).toEqual([]);
    });

    it("degrades to fetching without the cache when the directory cannot be used: one warning, no secret", async () => {
      // A regular file where the directory should be: unusable even for root (unlike a read-only directory).
      const blocked = path.join(home.dir, "not-a-directory");
      writeFileSync(blocked, "");
      const { logger, warnings } = recordingLogger();
      const first = await new RoleCredentialCache({ directory: blocked, logger }).resolve(
        "key",
        () => Promise.resolve(fetched(3_600_000)),
        { refreshWindowMs: WINDOW },
      );
      const second = await new RoleCredentialCache({ directory: blocked, logger }).resolve(
        "key",
        () => Promise.resolve(fetched(3_600_000)),
        { refreshWindowMs: WINDOW },
      );
      expect([first.source, second.source]).toEqual(["sso", "sso"]);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain(blocked);
      expect(warnings[0]).toContain("memory only");
      expect(warnings[0]).not.toContain(credentials.secretAccessKey);
      expect(readFileSync(blocked, "utf8")).toBe("");
    });
  });
});
