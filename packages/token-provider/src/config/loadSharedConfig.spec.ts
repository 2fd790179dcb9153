import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { useTempHome } from "../../../../test/support/useTempHome.js";
import { loadSharedConfig } from "./loadSharedConfig.js";

describe("loadSharedConfig", () => {
  const home = useTempHome({ prefix: "sso-kit-load-shared-config-" });

  it("parses the files once while the loader keeps their text, and again after ignoreCache", async () => {
    const file = join(home.dir, ".aws", "config");
    mkdirSync(join(home.dir, ".aws"), { recursive: true });
    writeFileSync(file, "[profile a]\nregion = eu-west-1\n");
    const first = await loadSharedConfig({ configFilepath: file, ignoreCache: true });
    expect(first.profiles.get("a")).toEqual({ region: "eu-west-1" });
    expect(await loadSharedConfig({ configFilepath: file })).toBe(first);
    writeFileSync(file, "[profile a]\nregion = us-east-2\n");
    const fresh = await loadSharedConfig({ configFilepath: file, ignoreCache: true });
    expect(fresh.profiles.get("a")).toEqual({ region: "us-east-2" });
    expect(await loadSharedConfig({ configFilepath: file })).toBe(fresh);
    expect(await fresh.readText(file)).toBe("[profile a]\nregion = us-east-2\n");
    expect(fresh.credentialsFilepath).toBe(join(home.dir, ".aws", "credentials"));
  });
});
