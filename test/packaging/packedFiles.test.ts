/**
 * What `npm pack` would publish (`pnpm build` first): every source map, of the bundles and of the declarations,
 * points at files that are in the package, so "Go to Definition" and stack traces land on real sources; specs and
 * test fixtures are not published; the metadata points at the package's folder of the repository.
 */
import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, posix } from "node:path";
import { promisify } from "node:util";

const PACKAGES = join(__dirname, "../../packages");
const NAMES = readdirSync(PACKAGES);

const packedFiles = async (name: string): Promise<Set<string>> => {
  const { stdout } = await promisify(execFile)("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
    cwd: join(PACKAGES, name),
    env: { PATH: process.env.PATH, HOME: process.env.HOME, npm_config_loglevel: "silent" },
    timeout: 30_000,
  });
  const [pack] = JSON.parse(stdout) as Array<{ files: Array<{ path: string }> }>;
  return new Set(pack!.files.map((file) => file.path));
};

test.each(NAMES)(
  "%s: source maps resolve to published files; no spec or fixture is published",
  async (name) => {
    const files = await packedFiles(name);
    const maps = [...files].filter((file) => file.endsWith(".map"));
    expect(maps.length).toBeGreaterThan(0);
    const unresolved = maps.flatMap((map) => {
      const { sources } = JSON.parse(readFileSync(join(PACKAGES, name, map), "utf8")) as {
        sources: string[];
      };
      return sources
        .map((source) => posix.normalize(posix.join(dirname(map), source)))
        .filter((source) => !files.has(source))
        .map((source) => `${map} -> ${source}`);
    });
    expect(unresolved).toEqual([]);
    expect([...files].filter((file) => /\.spec\.|__fixtures__/.test(file))).toEqual([]);
    expect(files).toContain("src/index.ts");
  },
);

test.each(NAMES)("%s: repository, homepage, bugs and keywords", (name) => {
  const manifest = JSON.parse(readFileSync(join(PACKAGES, name, "package.json"), "utf8")) as Record<
    string,
    unknown
  >;
  expect(manifest).toMatchObject({
    repository: {
      type: "git",
      url: "git+https://github.com/sso-kit/sso-kit.git",
      directory: `packages/${name}`,
    },
    homepage: `https://github.com/sso-kit/sso-kit/tree/main/packages/${name}#readme`,
    bugs: { url: "https://github.com/sso-kit/sso-kit/issues" },
    keywords: expect.arrayContaining(["aws", "sso"]),
  });
});
