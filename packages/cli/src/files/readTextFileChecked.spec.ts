import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readTextFileChecked } from "./readTextFileChecked.js";
import { writeFileAtomic } from "@sso-kit/token-provider/internal";

describe("readTextFileChecked, and writing back what it read with writeFileAtomic", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "sso-kit-text-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("round-trip every byte (even invalid UTF-8), keep the given mode and leave no temporary file", async () => {
    const path = join(dir, "config");
    const bytes = Buffer.from([0x5b, 0xff, 0xfe, 0x0a, 0xc3, 0xa9, 0x0d, 0x0a]);
    writeFileSync(path, bytes, { mode: 0o644 });
    const read = await readTextFileChecked(path);
    expect(read?.mode).toBe(0o644);
    await writeFileAtomic(path, Buffer.from(`${read?.bytes}x`, "latin1"), { mode: 0o640 });
    expect(readFileSync(path).equals(Buffer.concat([bytes, Buffer.from("x")]))).toBe(true);
    expect(statSync(path).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(["config"]);
  });

  it("reads a missing file as undefined and refuses a directory", async () => {
    expect(await readTextFileChecked(join(dir, "none"))).toBeUndefined();
    await expect(readTextFileChecked(dir)).rejects.toThrow(/not a regular file|cannot be opened/);
  });

  it("refuses a file larger than the limit", async () => {
    const path = join(dir, "big");
    writeFileSync(path, "x".repeat(100));
    await expect(readTextFileChecked(path, 10)).rejects.toThrow("larger than 10 bytes");
  });
});
