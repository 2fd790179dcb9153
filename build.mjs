// Builds the package in the current directory (every package's `build` script runs it):
// - dist/esm: one ES module per entry point (`src/index.ts`, `src/internal.ts` when the package has one, and each
//   `bin` of package.json), code shared between them and code loaded with `import()` in chunks of their own;
// - dist/cjs: `index.js` (and `internal.js`) as CommonJS modules, for `require()`;
// - type declarations beside both, from tsc, which also type-checks the package.
// Why bundles rather than tsc's one file per source file: every module a program loads costs it a resolution, a read
// and a compilation, and sso-kit is loaded at the start of programs that want credentials fast. A package with a
// start-up path (`src/internal/core.ts`) is built in two parts instead: see `buildInTwoParts`. Dependencies stay
// external: they are the user's to deduplicate and update.
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const manifest = JSON.parse(readFileSync("package.json", "utf8"));

/** "./dist/esm/bin/sso-kit.js" → ["bin/sso-kit", "src/bin/sso-kit.ts"] */
const binEntries = Object.values(
  typeof manifest.bin === "string" ? { [manifest.name]: manifest.bin } : (manifest.bin ?? {}),
).map((bin) => {
  const name = relative("dist/esm", bin).replace(/\.js$/, "");
  return [name, join("src", `${name}.ts`)];
});

// `src/internal.ts` (the `./internal` export: what sibling packages share, not covered by semver) holds the code;
// `src/index.ts` re-exports the public part of it. The index bundle requires `./internal.js` rather than holding
// its own copy, so a program that loads both entries (through a sibling package) has one copy of every class.
const internal = existsSync("src/internal.ts") ? { internal: "src/internal.ts" } : {};
const indexRequiresInternal = {
  name: "index-requires-internal",
  setup(build) {
    build.onResolve({ filter: /^\.\/internal\.js$/ }, (args) =>
      args.importer === resolve("src/index.ts") ? { path: "./internal.js", external: true } : undefined,
    );
  },
};

const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
};

/**
 * A package's start-up path: `src/internal/core.ts`, when it has one, and everything it imports statically. Such a
 * package is built in two parts (see {@link buildInTwoParts}).
 */
const START_UP = "src/internal/core.ts";

/** `./x.js` as written in `importer` → the TypeScript file it names. */
const sourceOf = (importer, specifier) => resolve(dirname(importer), specifier).replace(/\.js$/, ".ts");

/** The import specifier of output file `to` in output file `from` (both relative to dist/<format>). */
const specifierFrom = (from, to) => {
  const path = relative(dirname(from), to);
  return path.startsWith(".") ? path : `./${path}`;
};

/**
 * Builds a package with a start-up path in two parts, each one file per format, so that a program whose token is
 * valid loads only the first: V8 parses every byte of every module a program loads, and each module file costs
 * Node a resolution, a read and a compilation.
 * - `internal/core.js`: the start-up path, exporting everything of every module on it (the rest imports it from
 *   there, so there is one copy of every class and of every process-wide state);
 * - `internal.js`: `src/internal.ts` and every module the start-up path loads with `import()` (refreshing, locking,
 *   writing, role chains, failure reports), which `internal/core.js` imports from it on first use;
 * - `index.js`: the public API, from the two.
 */
async function buildInTwoParts() {
  const analysis = await build({
    ...common,
    format: "esm",
    write: false,
    metafile: true,
    entryPoints: [START_UP],
    outdir: "dist/analysis",
  });
  // Static imports only: what the start-up path loads with `import()` is the rest.
  const { inputs } = analysis.metafile;
  const startUp = new Set();
  const lazy = new Set();
  const visit = (file) => {
    if (startUp.has(resolve(file))) return;
    startUp.add(resolve(file));
    for (const { path, kind } of inputs[file]?.imports ?? []) {
      if (!path.startsWith("src/")) continue;
      if (kind === "dynamic-import") lazy.add(resolve(path));
      else visit(path);
    }
  };
  visit(START_UP);
  for (const file of startUp) lazy.delete(file);
  const exportAll = (files) => [...files].map((file) => `export * from ${JSON.stringify(file)};`).join("\n");
  // Each part's entry is its source file, with what else the part must export appended: the start-up path exports
  // everything of every module on it; internal.js also what the start-up path loads from it.
  const parts = [
    { name: "internal/core", entry: START_UP, appended: exportAll(startUp) },
    { name: "internal", entry: "src/internal.ts", appended: exportAll(lazy) },
    { name: "index", entry: "src/index.ts", appended: "" },
  ];
  const outputOf = (name) => `${name}.js`;
  const plugin = (part) => ({
    name: "two-parts",
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, (args) =>
        args.path === resolve(part.entry)
          ? { contents: `${readFileSync(args.path, "utf8")}\n${part.appended}\n`, loader: "ts" }
          : undefined,
      );
      build.onResolve({ filter: /^\./ }, (args) => {
        if (args.kind === "entry-point") return undefined;
        const source = sourceOf(args.importer, args.path);
        if (part.name === "internal/core") {
          // The start-up path loads the rest from internal.js, on first use.
          if (args.kind === "dynamic-import" && lazy.has(source)) {
            return { path: specifierFrom(outputOf(part.name), outputOf("internal")), external: true };
          }
          return undefined;
        }
        if (startUp.has(source)) {
          return { path: specifierFrom(outputOf(part.name), outputOf("internal/core")), external: true };
        }
        if (part.name === "index") {
          throw new Error(
            `src/index.ts reaches ${source}, which is not on the start-up path: export it from there`,
          );
        }
        return undefined;
      });
    },
  });
  await Promise.all(
    parts.flatMap((part) =>
      [
        [esm, "dist/esm"],
        [cjs, "dist/cjs"],
      ].map(([format, dir]) =>
        build({
          ...common,
          ...format,
          entryPoints: { [part.name]: part.entry },
          outdir: dir,
          plugins: [plugin(part)],
        }),
      ),
    ),
  );
}

rmSync("dist", { recursive: true, force: true });
execFileSync("tsc", ["-p", "tsconfig.build.json", "--emitDeclarationOnly"], { stdio: "inherit" });

// ES modules have no `require`; each output file gets Node's, anchored at that file, for `nodeRequire` (see
// loadCommonJsModule.ts): Node loads a CommonJS dependency much faster through `require()` than through
// `import()`. Where `import.meta.url` is no file (a consumer's bundle), there is none and `import()` is used.
const esm = {
  format: "esm",
  banner: {
    js: [
      'import { createRequire as __ssoKitCreateRequire } from "node:module";',
      'const __ssoKitRequire = /^file:/.test(import.meta.url ?? "") ? __ssoKitCreateRequire(import.meta.url) : undefined;',
    ].join("\n"),
  },
  define: { require: "__ssoKitRequire" },
};
// Native `import()` in CommonJS needs an ES module loader, which jest's and other vm-based sandboxes only provide
// behind --experimental-vm-modules: lazy loads become `require()` calls made on first use instead.
const cjs = { format: "cjs", supported: { "dynamic-import": false } };

if (existsSync(START_UP)) await buildInTwoParts();
else {
  await Promise.all([
    build({
      ...common,
      ...esm,
      plugins: [indexRequiresInternal],
      splitting: true,
      entryPoints: { index: "src/index.ts", ...internal, ...Object.fromEntries(binEntries) },
      outdir: "dist/esm",
      chunkNames: "chunks/[name]-[hash]",
    }),
    build({
      ...common,
      ...cjs,
      plugins: [indexRequiresInternal],
      entryPoints: { index: "src/index.ts", ...internal },
      outdir: "dist/cjs",
    }),
  ]);
}

// The declarations serve both formats; dist/cjs has its own copy so that TypeScript reads them as CommonJS there.
cpSync("dist/esm", "dist/cjs", {
  recursive: true,
  filter: (source) => !/\.(js|js\.map)$/.test(source),
});
rmSync("dist/cjs/chunks", { recursive: true, force: true });
writeFileSync("dist/cjs/package.json", `${JSON.stringify({ type: "commonjs" })}\n`);
