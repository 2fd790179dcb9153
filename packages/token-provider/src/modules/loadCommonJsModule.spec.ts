import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { useTempHome } from "../../../../test/support/useTempHome.js";
import { loadCommonJsModule } from "./loadCommonJsModule.js";

const home = useTempHome();

/** A real `require` anchored in a project in the temp HOME whose node_modules holds `packages` (name → source). */
const projectRequire = (packages: Record<string, string>): NodeJS.Require => {
  for (const [name, source] of Object.entries(packages)) {
    mkdirSync(join(home.dir, "project", "node_modules", name), { recursive: true });
    writeFileSync(join(home.dir, "project", "node_modules", name, "index.js"), source);
  }
  return createRequire(join(home.dir, "project", "index.js"));
};

const neverImported = (): Promise<never> => Promise.reject(new Error("imported although require found it"));

test("a module the require finds is required, not imported: the same instance every time", async () => {
  const nodeRequire = projectRequire({ dep: "exports.instance = {};" });
  const first = await loadCommonJsModule<{ instance: object }>(nodeRequire, "dep", neverImported);
  const second = await loadCommonJsModule<{ instance: object }>(nodeRequire, "dep", neverImported);
  expect(first.instance).toBe(second.instance);
  expect(first).toBe(nodeRequire("dep"));
});

test("a module the require cannot find (a bundle without node_modules) is imported instead", async () => {
  const nodeRequire = projectRequire({});
  const imported = { from: "import" };
  await expect(loadCommonJsModule(nodeRequire, "dep", () => Promise.resolve(imported))).resolves.toBe(
    imported,
  );
});

test("with no require (the ES build inside a consumer's CommonJS bundle), the module is imported", async () => {
  const imported = { from: "import" };
  await expect(loadCommonJsModule(undefined, "dep", () => Promise.resolve(imported))).resolves.toBe(imported);
});

test("the module's own failure is thrown, not hidden by an import: a throwing module, a missing dependency of it", async () => {
  const nodeRequire = projectRequire({
    broken: 'throw new Error("broken at load");',
    outer: 'require("missing-inner");',
  });
  await expect(loadCommonJsModule(nodeRequire, "broken", neverImported)).rejects.toThrow("broken at load");
  await expect(loadCommonJsModule(nodeRequire, "outer", neverImported)).rejects.toMatchObject({
    code: "MODULE_NOT_FOUND",
    message: expect.stringContaining("'missing-inner'") as unknown,
  });
});
