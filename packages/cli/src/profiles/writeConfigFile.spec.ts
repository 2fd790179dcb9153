import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { useTempHome } from "../../../../test/support/useTempHome.js";
import { CliError } from "../errors/CliError.js";
import { readTextFileChecked } from "../files/readTextFileChecked.js";
import { writeConfigFile } from "./writeConfigFile.js";

describe("writeConfigFile", () => {
  const home = useTempHome();
  const configPath = () => join(home.dir, ".aws", "config");

  it("creates a new file 0600, with no backup", async () => {
    const path = configPath();
    await expect(writeConfigFile(path, undefined, "[profile a]\n")).resolves.toBeUndefined();
    expect(readFileSync(path, "utf8")).toBe("[profile a]\n");
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(existsSync(`${path}.lock`)).toBe(false);
  });

  it("keeps every byte of the file it replaces in <path>.bak", async () => {
    const path = configPath();
    await writeConfigFile(path, undefined, "[profile a]\n# caf\xe9\n");
    const previous = await readTextFileChecked(path);
    await expect(writeConfigFile(path, previous, "[profile b]\n")).resolves.toBe(`${path}.bak`);
    expect(readFileSync(path, "utf8")).toBe("[profile b]\n");
    expect(readFileSync(`${path}.bak`, "latin1")).toBe(previous!.bytes);
  });

  it("writes nothing when the file changed since it was read, and says to run again", async () => {
    const path = configPath();
    await writeConfigFile(path, undefined, "[profile a]\n");
    const previous = await readTextFileChecked(path);
    writeFileSync(path, "[profile a]\n[profile written-meanwhile]\n");
    const error = await writeConfigFile(path, previous, "[profile a]\n[profile mine]\n").catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CliError);
    expect((error as Error).message).toContain(`${path} changed while sso-kit was editing it`);
    expect(readFileSync(path, "utf8")).toBe("[profile a]\n[profile written-meanwhile]\n");
    expect(existsSync(`${path}.bak`)).toBe(false);
  });

  it("lets one of two edits made from the same file win, never both (no lost update)", async () => {
    const path = configPath();
    await writeConfigFile(path, undefined, "[profile a]\n");
    const previous = await readTextFileChecked(path);
    const results = await Promise.allSettled([
      writeConfigFile(path, previous, "[profile a]\n[profile one]\n"),
      writeConfigFile(path, previous, "[profile a]\n[profile two]\n"),
    ]);
    expect(results.map(({ status }) => status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(["[profile a]\n[profile one]\n", "[profile a]\n[profile two]\n"]).toContain(
      readFileSync(path, "utf8"),
    );
  });

  it("takes a file that appeared since none was read as a change", async () => {
    const path = configPath();
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, "[profile raced]\n");
    await expect(writeConfigFile(path, undefined, "[profile mine]\n")).rejects.toBeInstanceOf(CliError);
    expect(readFileSync(path, "utf8")).toBe("[profile raced]\n");
  });
});
