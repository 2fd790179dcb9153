import { mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { useTempHome } from "../../../../test/support/useTempHome.js";
import { readJsonFile } from "./readJsonFile.js";
import { writeJsonFileAtomic } from "./writeJsonFileAtomic.js";

describe("writeJsonFileAtomic", () => {
  const home = useTempHome({ prefix: "sso-kit-token-provider-" });

  it("creates missing directories 0700 and the file 0600, with the JSON", async () => {
    const path = join(home.dir, "a", "b", "file.json");
    await writeJsonFileAtomic(path, { accessToken: "x", n: 1 });
    expect(JSON.parse(readFileSync(path, "utf8"))).toEqual({ accessToken: "x", n: 1 });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(join(home.dir, "a")).mode & 0o777).toBe(0o700);
    expect(statSync(join(home.dir, "a", "b")).mode & 0o777).toBe(0o700);
  });

  it("replaces an existing file (fixing a loose mode) and leaves no temporary file", async () => {
    const path = join(home.dir, "file.json");
    writeFileSync(path, '{"old":true}', { mode: 0o644 });
    await writeJsonFileAtomic(path, { new: true });
    expect(JSON.parse(readFileSync(path, "utf8"))).toEqual({ new: true });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(home.dir)).toEqual(["file.json"]);
  });

  it("honours an explicit mode", async () => {
    const path = join(home.dir, "file.json");
    await writeJsonFileAtomic(path, {}, { mode: 0o640 });
    expect(statSync(path).mode & 0o777).toBe(0o640);
  });

  it("fails with the file-system error and leaves no temporary file when the rename cannot happen", async () => {
    const target = join(home.dir, "target.json");
    mkdirSync(target);
    writeFileSync(join(target, "inside"), "kept");
    await expect(writeJsonFileAtomic(target, { new: true })).rejects.toMatchObject({
      code: expect.stringMatching(/EISDIR|ENOTEMPTY|EEXIST/),
    });
    expect(readdirSync(home.dir)).toEqual(["target.json"]);
    expect(readFileSync(join(target, "inside"), "utf8")).toBe("kept");
  });

  it("rejects a value that cannot be serialised before creating anything", async () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    await expect(writeJsonFileAtomic(join(home.dir, "new", "c.json"), cyclic)).rejects.toThrow(TypeError);
    expect(readdirSync(home.dir)).toEqual([]);
  });

  it("refuses JSON larger than its reader accepts, leaving the old file as it was", async () => {
    const path = join(home.dir, "big.json");
    await writeJsonFileAtomic(path, { accessToken: "old" });
    const before = readFileSync(path, "utf8");
    await expect(writeJsonFileAtomic(path, { accessToken: "x".repeat(2_000_000) })).rejects.toMatchObject({
      name: "CacheFileError",
      reason: "too-large",
    });
    expect(readFileSync(path, "utf8")).toBe(before);
    expect(readdirSync(home.dir)).toEqual(["big.json"]);
    // The largest file it writes is one the reader reads back.
    const largest = { accessToken: "x".repeat(1024 * 1024 - 25) };
    await writeJsonFileAtomic(path, largest);
    await expect(readJsonFile(path)).resolves.toEqual(largest);
  });

  it("removes the temporary files of the same file that a killed writer left, and nothing else", async () => {
    const path = join(home.dir, "token.json");
    const old = new Date(Date.now() - 5 * 60_000);
    const files = {
      abandonedWrite: ".token.json.4242.a1b2c3d4e5f6.tmp",
      abandonedLock: ".token.json.lock.4242.a1b2c3d4e5f6.tmp",
      freshWrite: ".token.json.4343.a1b2c3d4e5f6.tmp",
      otherFiles: ".other.json.4242.a1b2c3d4e5f6.tmp",
      notTemporary: ".token.json.backup",
    };
    for (const [what, name] of Object.entries(files)) {
      writeFileSync(join(home.dir, name), "{");
      if (what !== "freshWrite") utimesSync(join(home.dir, name), old, old);
    }
    await writeJsonFileAtomic(path, { n: 1 });
    expect(readdirSync(home.dir).sort()).toEqual(
      [files.freshWrite, files.otherFiles, files.notTemporary, "token.json"].sort(),
    );
  });
});
