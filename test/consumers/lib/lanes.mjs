// The consumers. A lane is one fixture project installed once (its locked registry packages, then sso-kit's
// tarballs); its tests then run in it, each against a fresh emulator and HOME (see world.mjs) unless it only
// inspects the installation.
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { run, runOrThrow } from "./install.mjs";

// credential-provider depends on login (its `login` option imports it on first use), so a provider install has it.
const PROVIDERS = ["@sso-kit/token-provider", "@sso-kit/login", "@sso-kit/credential-provider"];
const LIBRARIES = PROVIDERS;
const EVERYTHING = [...LIBRARIES, "@sso-kit/emulator", "@sso-kit/cli"];

/** A test that runs `node file` in the lane's directory and checks what it reported. */
const nodeApp = (name, file, cwd) => ({ name, command: [process.execPath, [file]], cwd });

/** The lowest version a range of the forms sso-kit uses allows: ^1.2.3, ~1.2.3, >=1.2.3 or 1.2.3. */
export const lowestOf = (range) => {
  const match = /^(?:\^|~|>=)?(\d+\.\d+\.\d+)$/.exec(range.trim());
  if (!match) throw new Error(`cannot tell the lowest version of the range "${range}"`);
  return match[1];
};

/** Compares two x.y.z versions, for sort(). */
const byVersion = (a, b) => {
  const [x, y] = [a, b].map((v) => v.split(".").map(Number));
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
};

/** The manifest inside a packed tarball. */
const manifestOf = async (tarball) =>
  JSON.parse((await runOrThrow("tar", ["-xzOf", tarball, "package/package.json"])).stdout);

/** The registry dependencies of the packed packages `names`: { dependency: [range, of which package] }. */
const registryDependencies = async (tarballs, names) => {
  const found = {};
  for (const name of names) {
    for (const [dependency, range] of Object.entries((await manifestOf(tarballs[name])).dependencies ?? {})) {
      if (!dependency.startsWith("@sso-kit/")) (found[dependency] ??= []).push([range, name]);
    }
  }
  return found;
};

/** For each registry dependency of `names`, the lowest version that all their ranges allow. */
const lowestAllowed = async (tarballs, names) =>
  Object.fromEntries(
    Object.entries(await registryDependencies(tarballs, names)).map(([dependency, ranges]) => [
      dependency,
      ranges
        .map(([range]) => lowestOf(range))
        .sort(byVersion)
        .at(-1),
    ]),
  );

/** The version of `dependency` that `from` (a directory in node_modules) resolves, as Node would look it up. */
const resolvedVersion = (root, from, dependency) => {
  for (let dir = from; dir.startsWith(root); dir = join(dir, "..")) {
    const manifest = join(dir, "node_modules", dependency, "package.json");
    if (existsSync(manifest)) return JSON.parse(readFileSync(manifest, "utf8")).version;
    if (dir === root) break;
  }
  return undefined;
};

/** Every version of each of `names` in the app's own tree: its package-lock.json, which sso-kit is not in. */
const appVersions = (dir, names) => {
  const { packages } = JSON.parse(readFileSync(join(dir, "package-lock.json"), "utf8"));
  return Object.fromEntries(
    names.map((name) => [
      name,
      [
        ...new Set(
          Object.entries(packages)
            .filter(([path]) => path.endsWith(`node_modules/${name}`))
            .map(([, entry]) => entry.version),
        ),
      ].sort(),
    ]),
  );
};

/** Every version of each of `names` that `npm ls --all --json` shows in the installation at `dir`. */
const installedVersions = async (dir, names) => {
  // npm ls exits non-zero for the tarballs installed with --no-save ("extraneous"); its JSON is still whole.
  const { stdout } = await run("npm", ["ls", "--all", "--json"], { cwd: dir, timeoutMs: 120_000 });
  const versions = Object.fromEntries(names.map((name) => [name, new Set()]));
  const walk = (dependencies = {}) => {
    for (const [name, node] of Object.entries(dependencies)) {
      if (name in versions && node.version) versions[name].add(node.version);
      walk(node.dependencies);
    }
  };
  walk(JSON.parse(stdout).dependencies);
  return Object.fromEntries(Object.entries(versions).map(([name, set]) => [name, [...set].sort()]));
};

export const lanes = [
  {
    name: "app",
    fixture: "app",
    packages: EVERYTHING,
    // esbuild's single-file bundle, written alone into an empty directory: it must run with no file beside it.
    prepare: async (dir) => {
      const alone = join(dir, "..", "app-bundle-alone");
      mkdirSync(alone);
      await runOrThrow(
        join(dir, "node_modules", ".bin", "esbuild"),
        ["esm.mjs", "--bundle", "--platform=node", "--main-fields=module,main", `--outfile=${alone}/app.js`],
        { cwd: dir },
      );
      const files = readdirSync(alone);
      if (files.join() !== "app.js") throw new Error(`esbuild wrote ${files.join(", ")}, not app.js alone`);
      return { alone };
    },
    tests: [
      nodeApp("ESM app (import)", "esm.mjs"),
      nodeApp("CommonJS app (require)", "cjs.cjs"),
      { ...nodeApp("esbuild bundle, run alone", "app.js"), cwd: ({ alone }) => alone },
      {
        name: "sso-kit CLI: credential-process",
        command: [join("node_modules", ".bin", "sso-kit"), ["credential-process", "--profile", "consumer"]],
        output: "credential-process",
      },
    ],
  },
  {
    name: "typescript",
    fixture: "typescript",
    packages: PROVIDERS,
    // tsc type-checks the application against the installed declarations (strict, exactOptionalPropertyTypes,
    // skipLibCheck false) and emits it; a type error fails every test of the lane.
    prepare: async (dir) => {
      for (const project of ["tsconfig.nodenext.json", "tsconfig.bundler.json"]) {
        await runOrThrow(
          process.execPath,
          [join("node_modules", "typescript", "bin", "tsc"), "-p", project],
          {
            cwd: dir,
          },
        );
      }
    },
    tests: [
      nodeApp("TypeScript nodenext, ESM (.mts)", join("out", "nodenext", "app.mjs")),
      nodeApp("TypeScript nodenext, CommonJS (.cts)", join("out", "nodenext", "app.cjs")),
      nodeApp("TypeScript bundler resolution", join("out", "bundler", "app.mjs")),
    ],
  },
  {
    name: "jest",
    fixture: "jest",
    packages: PROVIDERS,
    tests: [
      {
        name: "jest, default CommonJS mode",
        command: [process.execPath, [join("node_modules", "jest", "bin", "jest.js"), "--ci"]],
      },
    ],
  },
  {
    name: "vitest",
    fixture: "vitest",
    packages: PROVIDERS,
    tests: [
      {
        name: "Vitest",
        command: [process.execPath, [join("node_modules", "vitest", "vitest.mjs"), "run"]],
      },
    ],
  },
  {
    name: "lowest-sdk",
    fixture: "lowest-sdk",
    packages: LIBRARIES,
    // The same application as the app lane's ESM one.
    files: { "esm.mjs": join("app", "esm.mjs") },
    tests: [
      {
        name: "SDK of Dec 2025: sso-kit adds no copy of the app's SDK packages",
        inspect: async (dir) => {
          const pinned = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).dependencies;
          const problems = [];
          // sso-kit uses the app's copies: each sso-kit package resolves each pinned package to the pinned version.
          for (const name of LIBRARIES) {
            for (const [dependency, version] of Object.entries(pinned)) {
              const found = resolvedVersion(dir, join(dir, "node_modules", name), dependency);
              if (found !== undefined && found !== version)
                problems.push(`${name} gets ${dependency} ${found}, not the app's ${version}`);
            }
          }
          // And so the tree has no version of them that the app's own (locked) tree did not have already.
          const before = appVersions(dir, Object.keys(pinned));
          for (const [dependency, versions] of Object.entries(
            await installedVersions(dir, Object.keys(pinned)),
          )) {
            const added = versions.filter((v) => !before[dependency].includes(v));
            if (added.length > 0)
              problems.push(
                `npm ls: ${dependency} ${added.join(", ")} beside the app's ${before[dependency].join(", ")}`,
              );
          }
          return problems;
        },
      },
      nodeApp("SDK of Dec 2025: end to end", "esm.mjs"),
    ],
  },
  {
    name: "lowest-ranges",
    fixture: "lowest-ranges",
    packages: LIBRARIES,
    files: { "esm.mjs": join("app", "esm.mjs") },
    // The lowest version each of sso-kit's registry ranges allows, installed at the top of the tree, where every
    // sso-kit package whose range it satisfies resolves it.
    extra: async (tarballs) =>
      Object.entries(await lowestAllowed(tarballs, LIBRARIES)).map(
        ([dependency, version]) => `${dependency}@${version}`,
      ),
    tests: [
      {
        name: "lowest versions of the ranges: what sso-kit resolves",
        inspect: async (dir, tarballs) => {
          const lowest = await lowestAllowed(tarballs, LIBRARIES);
          const problems = [];
          for (const [dependency, ranges] of Object.entries(
            await registryDependencies(tarballs, LIBRARIES),
          )) {
            for (const [range, name] of ranges) {
              const version = resolvedVersion(dir, join(dir, "node_modules", name), dependency);
              if (version !== lowest[dependency])
                problems.push(`${name} (${range}) gets ${dependency} ${version}, not ${lowest[dependency]}`);
            }
          }
          return problems;
        },
      },
      nodeApp("lowest versions of the ranges: end to end", "esm.mjs"),
    ],
  },
];
