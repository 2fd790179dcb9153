// Builds the package in the current directory (every package's `build` script runs it):
// - dist/esm: one ES module per entry point (`src/index.ts`, `src/internal.ts` when the package has one, and each
//   `bin` of package.json), code shared between them and code loaded with `import()` in chunks of their own;
// - dist/cjs: `index.js` (and `internal.js`) as CommonJS modules, for `require()`;
// - type declarations beside both, from tsc, which also type-checks the package.
// Why bundles rather than tsc's one file per source file: every module a program loads costs it a resolution, a read
// and a compilation, and sso-kit is loaded at the start of programs that want credentials fast. Dependencies stay
// external: they are the user's to deduplicate and update.
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";

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
  plugins: [indexRequiresInternal],
};

rmSync("dist", { recursive: true, force: true });
execFileSync("tsc", ["-p", "tsconfig.build.json", "--emitDeclarationOnly"], { stdio: "inherit" });
await Promise.all([
  build({
    ...common,
    format: "esm",
    // ES modules have no `require`; each output file gets Node's, anchored at that file, for `nodeRequire` (see
    // loadCommonJsModule.ts): Node loads a CommonJS dependency much faster through `require()` than through
    // `import()`. Where `import.meta.url` is no file (a consumer's bundle), there is none and `import()` is used.
    banner: {
      js: [
        'import { createRequire as __ssoKitCreateRequire } from "node:module";',
        'const __ssoKitRequire = /^file:/.test(import.meta.url ?? "") ? __ssoKitCreateRequire(import.meta.url) : undefined;',
      ].join("\n"),
    },
    define: { require: "__ssoKitRequire" },
    splitting: true,
    entryPoints: { index: "src/index.ts", ...internal, ...Object.fromEntries(binEntries) },
    outdir: "dist/esm",
    chunkNames: "chunks/[name]-[hash]",
  }),
  build({
    ...common,
    format: "cjs",
    // Native `import()` in CommonJS needs an ES module loader, which jest's and other vm-based sandboxes only
    // provide behind --experimental-vm-modules: lazy loads become `require()` calls made on first use instead.
    supported: { "dynamic-import": false },
    entryPoints: { index: "src/index.ts", ...internal },
    outdir: "dist/cjs",
  }),
]);
// The declarations serve both formats; dist/cjs has its own copy so that TypeScript reads them as CommonJS there.
cpSync("dist/esm", "dist/cjs", {
  recursive: true,
  filter: (source) => !/\.(js|js\.map)$/.test(source),
});
rmSync("dist/cjs/chunks", { recursive: true, force: true });
writeFileSync("dist/cjs/package.json", `${JSON.stringify({ type: "commonjs" })}\n`);
