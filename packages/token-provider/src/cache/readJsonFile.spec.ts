import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { useTempHome } from "../../../../test/support/useTempHome.js";
import { CacheFileError } from "./CacheFileError.js";
import { readJsonFile } from "./readJsonFile.js";

describe("readJsonFile", () => {
  const home = useTempHome({ prefix: "sso-kit-token-provider-" });
  const file = (name: string, text: string) => {
    const path = join(home.dir, name);
    writeFileSync(path, text);
    return path;
  };
  const reason = async (path: string, maxBytes?: number) => {
    const error = await readJsonFile(path, maxBytes === undefined ? {} : { maxBytes }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CacheFileError);
    expect((error as CacheFileError).message).toContain(path);
    return (error as CacheFileError).reason;
  };

  it("returns the object, or undefined when there is no file", async () => {
    await expect(readJsonFile(file("a.json", '{"a":1,"b":{"c":[true]}}'))).resolves.toEqual({
      a: 1,
      b: { c: [true] },
    });
    await expect(readJsonFile(join(home.dir, "missing.json"))).resolves.toBeUndefined();
  });

  it.each([
    ["empty", "", "empty"],
    ["whitespace", " \n", "empty"],
    ["truncated", '{"accessToken": "abc', "invalid-json"],
    ["not JSON", "hello", "invalid-json"],
    ["an array", "[1]", "not-an-object"],
    ["null", "null", "not-an-object"],
    ["a string", '"x"', "not-an-object"],
    ["__proto__ at the top", '{"__proto__": {"polluted": true}}', "forbidden-key"],
    ["nested constructor", '{"a": {"constructor": {"prototype": {}}}}', "forbidden-key"],
  ])("rejects a file that is %s", async (_name, text, expected) => {
    expect(await reason(file("x.json", text))).toBe(expected);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("never repeats file content in the error (it may be a secret)", async () => {
    const path = file("t.json", '{"accessToken": "SECRET-TOKEN-VALUE", oops}');
    await expect(readJsonFile(path)).rejects.toThrow(/not valid JSON/);
    await expect(readJsonFile(path)).rejects.not.toThrow(/SECRET-TOKEN-VALUE/);
  });

  it("rejects files above the size limit without parsing them", async () => {
    const path = file("big.json", JSON.stringify({ pad: "x".repeat(2048) }));
    expect(await reason(path, 1024)).toBe("too-large");
    await expect(readJsonFile(path, { maxBytes: 4096 })).resolves.toMatchObject({ pad: expect.any(String) });
  });

  it("rejects a directory, a symlink and a FIFO", async () => {
    const dir = join(home.dir, "dir.json");
    mkdirSync(dir);
    expect(await reason(dir)).toBe("not-a-file");
    const target = file("target.json", "{}");
    const link = join(home.dir, "link.json");
    symlinkSync(target, link);
    expect(await reason(link)).toBe("not-a-file");
    const fifo = join(home.dir, "fifo.json");
    execFileSync("mkfifo", [fifo]);
    expect(await reason(fifo)).toBe("not-a-file");
  });
});
