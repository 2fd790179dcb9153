import { TokenProviderError } from "@smithy/property-provider";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { useTempHome } from "../../../../test/support/useTempHome.js";
import { SsoTokenCache } from "./SsoTokenCache.js";

interface Vector {
  kind: string;
  input: string;
  expectedFileName: string;
  expectedPath?: { home: string; path: string } | Array<{ home: string; path: string }>;
}

const vectors = JSON.parse(
  readFileSync(join(__dirname, "../../../../test/fixtures/conformance/cache_key_vectors.json"), "utf8"),
) as Vector[];
const tokenVectors = vectors.filter((v) => v.kind === "sso-session-name" || v.kind === "start-url");

describe("SsoTokenCache", () => {
  const home = useTempHome({ prefix: "sso-kit-token-provider-" });
  const cacheDir = () => join(home.dir, ".aws", "sso", "cache");
  const token = {
    accessToken: "access-token-value",
    expiresAt: "2030-01-01T00:00:00.000Z",
    refreshToken: "rt-value",
  };

  describe("token file names (cache_key_vectors.json)", () => {
    it.each(tokenVectors.map((v) => [v.kind, v.input, v] as const))("%s %j", (_kind, input, vector) => {
      const cache = new SsoTokenCache();
      expect(cache.tokenPath(input)).toBe(join(cacheDir(), vector.expectedFileName));
      // Vectors whose home is a placeholder (e.g. Go's "os.TempDir()") only pin the file name.
      for (const expected of [vector.expectedPath ?? []].flat().filter((p) => p.home.startsWith("/"))) {
        process.env.HOME = expected.home;
        expect(new SsoTokenCache().tokenPath(input)).toBe(expected.path);
      }
    });

    it("resolves HOME at construction and expands ~/ in an explicit directory", () => {
      const cache = new SsoTokenCache();
      process.env.HOME = "/somewhere/else";
      expect(cache.directory).toBe(cacheDir());
      expect(new SsoTokenCache({ directory: "~/c" }).directory).toBe("/somewhere/else/c");
    });
  });

  it("writes a token atomically (0600 in a 0700 directory) and reads it back, keeping unknown fields", async () => {
    const cache = new SsoTokenCache();
    await cache.writeToken("sess", { ...token, custom: { kept: true } });
    const path = cache.tokenPath("sess");
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(cacheDir()).mode & 0o777).toBe(0o700);
    await expect(cache.readToken("sess")).resolves.toEqual({ ...token, custom: { kept: true } });
    expect(readdirSync(cacheDir())).toEqual([path.split("/").pop()]);
  });

  it("rust/save_cached_token by value (token_refresh_scenarios.json): same fields and instants, JS time format", async () => {
    const scenarios = JSON.parse(
      readFileSync(
        join(__dirname, "../../../../test/fixtures/conformance/token_refresh_scenarios.json"),
        "utf8",
      ),
    ) as Array<{ id: string; input: Record<string, unknown>; expectedCacheWrite: { exactContents: string } }>;
    const scenario = scenarios.find((s) => s.id === "rust/save_cached_token")!;
    const { expiresAtEpochSeconds, registrationExpiresAtEpochSeconds, ...rest } = scenario.input;
    const cache = new SsoTokenCache();
    await cache.writeToken("test", {
      ...(rest as { accessToken: string }),
      expiresAt: new Date(Number(expiresAtEpochSeconds) * 1000).toISOString(),
      registrationExpiresAt: new Date(Number(registrationExpiresAtEpochSeconds) * 1000).toISOString(),
    });
    const written = JSON.parse(readFileSync(cache.tokenPath("test"), "utf8")) as Record<string, string>;
    const expected = JSON.parse(scenario.expectedCacheWrite.exactContents) as Record<string, string>;
    expect(Object.keys(written).sort()).toEqual(Object.keys(expected).sort());
    for (const [key, value] of Object.entries(expected)) {
      if (/expiresAt$/i.test(key)) {
        expect(Date.parse(written[key]!)).toBe(Date.parse(value));
      } else {
        expect(written[key]).toBe(value);
      }
    }
  });

  it("returns undefined when there is no token file", async () => {
    await expect(new SsoTokenCache().readToken("none")).resolves.toBeUndefined();
  });

  it.each([
    ["empty", ""],
    ["truncated", '{"accessToken":"abc","expiresAt":"2030-01-0'],
    ["hostile", '{"__proto__":{"accessToken":"x"},"accessToken":"a","expiresAt":"2030-01-01T00:00:00Z"}'],
    ["mistyped", '{"accessToken":["a"],"expiresAt":"2030-01-01T00:00:00Z"}'],
  ])("rejects a %s file with a TokenProviderError naming it, and leaves it as it is", async (_name, text) => {
    const cache = new SsoTokenCache();
    mkdirSync(cacheDir(), { recursive: true });
    const path = cache.tokenPath("sess");
    writeFileSync(path, text);
    const error = await cache.readToken("sess", { profileName: "dev" }).then(
      () => undefined,
      (e: unknown) => e as TokenProviderError,
    );
    expect(error).toBeInstanceOf(TokenProviderError);
    expect(error?.tryNextLink).toBe(false);
    expect(error?.message).toContain(path);
    expect(error?.message).toContain("sso-kit login --profile dev");
    expect(readFileSync(path, "utf8")).toBe(text);
  });

  it("names the sso-session, or for a legacy key the start URL, when no profile is known", async () => {
    const cache = new SsoTokenCache();
    const startUrl = "https://d-1.awsapps.com/start";
    mkdirSync(cacheDir(), { recursive: true });
    writeFileSync(cache.tokenPath("sess"), "{");
    writeFileSync(cache.tokenPath(startUrl), "{");
    const messageOf = (read: Promise<unknown>) =>
      read.then(
        () => "",
        (e: unknown) => (e as Error).message,
      );
    expect(await messageOf(cache.readToken("sess"))).toContain(
      "sign in again with 'sso-kit login --sso-session sess' (or 'aws sso login --sso-session sess')",
    );
    const legacy = await messageOf(cache.readToken(startUrl, { keyKind: "startUrl" }));
    expect(legacy).toContain(
      `sign in again with 'sso-kit login' (or 'aws sso login') with a profile whose sso_start_url is ${startUrl}`,
    );
    expect(legacy).not.toContain("--sso-session");
    expect(await messageOf(cache.readToken(startUrl, { keyKind: "startUrl", profileName: "old" }))).toContain(
      "'sso-kit login --profile old'",
    );
  });

  it("rejects a token path that is a symlink or a directory", async () => {
    const cache = new SsoTokenCache();
    mkdirSync(cacheDir(), { recursive: true });
    writeFileSync(join(home.dir, "real.json"), JSON.stringify(token));
    symlinkSync(join(home.dir, "real.json"), cache.tokenPath("link"));
    mkdirSync(cache.tokenPath("dir"));
    await expect(cache.readToken("link")).rejects.toThrow(/symbolic link/);
    await expect(cache.readToken("dir")).rejects.toThrow(/not a regular file/);
  });

  it("deletes tokens (quietly when absent) and lists only valid token files", async () => {
    const cache = new SsoTokenCache();
    await cache.writeToken("a", token);
    await cache.writeToken("b", { ...token, accessToken: "other" });
    await cache.writeRegistration("reg", {
      clientId: "c",
      clientSecret: "s",
      expiresAt: "2030-01-01T00:00:00Z",
    });
    writeFileSync(join(cacheDir(), "broken.json"), "{");
    writeFileSync(join(cacheDir(), "notes.txt"), "hello");
    const listed = await cache.listTokenFiles();
    expect(listed.map((entry) => entry.path).sort()).toEqual(
      [cache.tokenPath("a"), cache.tokenPath("b")].sort(),
    );
    await cache.deleteToken("a");
    await cache.deleteToken("a");
    expect((await cache.listTokenFiles()).map((entry) => entry.token.accessToken)).toEqual(["other"]);
    await expect(new SsoTokenCache({ directory: join(home.dir, "none") }).listTokenFiles()).resolves.toEqual(
      [],
    );
  });

  it("deletes a token file by path under its key's lock, quietly when absent, and only inside the directory", async () => {
    const cache = new SsoTokenCache();
    await cache.writeToken("a", token);
    await cache.writeToken("b", token);
    const [first] = await cache.listTokenFiles();
    await cache.deleteTokenFile(first!.path);
    await cache.deleteTokenFile(first!.path);
    expect(readdirSync(cacheDir()).sort()).toEqual(
      [cache.tokenPath("a"), cache.tokenPath("b")]
        .filter((path) => path !== first!.path)
        .map((path) => path.split("/").pop()),
    );
    const outside = join(home.dir, "other.json");
    writeFileSync(outside, "{}");
    await expect(cache.deleteTokenFile(outside)).rejects.toThrow(TokenProviderError);
    await expect(cache.deleteTokenFile(join(cacheDir(), "sub", "x.json"))).rejects.toThrow(/not a file of/);
    expect(existsSync(outside)).toBe(true);
  });

  it("waits for a holder of the key's lock before deleting its file by path", async () => {
    const cache = new SsoTokenCache();
    await cache.writeToken("sess", token);
    const path = cache.tokenPath("sess");
    const events: string[] = [];
    let deleting: Promise<void> | undefined;
    await cache.withLock("sess", async () => {
      deleting = cache.deleteTokenFile(path).then(() => void events.push("deleted"));
      // Give the delete every chance to run: it must keep waiting for the lock.
      await new Promise((resolve) => setTimeout(resolve, 200));
      events.push(existsSync(path) ? "holder:file still there" : "holder:file gone");
      await cache.writeToken("sess", { ...token, accessToken: "refreshed" });
    });
    await deleting;
    expect(events).toEqual(["holder:file still there", "deleted"]);
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(cacheDir())).toEqual([]);
  });

  it("writes and validates client registrations", async () => {
    const cache = new SsoTokenCache();
    const registration = {
      clientId: "c",
      clientSecret: "s",
      expiresAt: "2030-01-01T00:00:00Z",
      scopes: ["sso:account:access"],
    };
    await cache.writeRegistration("key", registration);
    expect(statSync(cache.registrationPath("key")).mode & 0o777).toBe(0o600);
    await expect(cache.readRegistration("key")).resolves.toEqual({
      ...registration,
      expiresAt: "2030-01-01T00:00:00.000Z",
    });
    await expect(cache.readRegistration("missing")).resolves.toBeUndefined();
    writeFileSync(cache.registrationPath("bad"), '{"clientId":"c"}');
    await expect(cache.readRegistration("bad")).rejects.toThrow(TokenProviderError);
  });

  it("serialises withLock callers and cleans up the lock file", async () => {
    const cache = new SsoTokenCache();
    const events: string[] = [];
    const task = (name: string) =>
      cache.withLock("sess", async () => {
        events.push(`${name}:start`);
        await new Promise((resolve) => setTimeout(resolve, 20));
        events.push(`${name}:end`);
        return name;
      });
    await expect(Promise.all([task("a"), task("b"), task("c")])).resolves.toEqual(["a", "b", "c"]);
    for (let i = 0; i < events.length; i += 2) {
      expect(events[i]!.split(":")[0]).toBe(events[i + 1]!.split(":")[0]);
    }
    expect(readdirSync(cacheDir())).toEqual([]);
  });
  it("keeps the sign-in lock apart from the refresh lock: a refresh goes on while a sign-in is held", async () => {
    const cache = new SsoTokenCache();
    const seen = await cache.withSignInLock("sess", async (hold) => {
      const files = readdirSync(cacheDir());
      const refreshed = await cache.withLock("sess", async () => "refreshed");
      return { hold, files, refreshed };
    });
    expect(seen).toEqual({
      hold: { held: true },
      files: [`${cache.tokenPath("sess").split("/").pop()!}.signin.lock`],
      refreshed: "refreshed",
    });
    expect(readdirSync(cacheDir())).toEqual([]);
  });
});
