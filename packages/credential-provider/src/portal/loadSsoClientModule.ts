import type * as SsoClientModule from "@aws-sdk/client-sso";

let loading: Promise<typeof SsoClientModule> | undefined;

/**
 * `@aws-sdk/client-sso` is imported on the first GetRoleCredentials call only: a program whose credentials are
 * memoized, or that never reaches this provider in its chain, never loads it. A failed import is retried next time.
 *
 * How it is loaded, measured (Node 20.20, 20 cold `node` processes each, time of the load alone, median; the
 * package has no ES build Node can load: its `dist-es` is for bundlers, with extension-less imports, so every
 * form loads `dist-cjs/index.js`):
 *
 * | form                                          | quiet machine | loaded machine |
 * | --------------------------------------------- | ------------- | -------------- |
 * | CommonJS `require()`                          | 187 ms        | 752 ms         |
 * | `import()` from CommonJS                      | –             | 865 ms         |
 * | `import()` from an ES module                  | 431 ms        | 1,425 ms       |
 * | `createRequire(import.meta.url)()` from ES    | 257 ms        | 1,103 ms       |
 *
 * `require()` is the faster form. The source says `import()`, which bundlers follow, and the CommonJS build turns
 * it into `require()` (build.mjs). The ES build keeps `import()`: the faster `createRequire(import.meta.url)` needs
 * `import.meta`, which esbuild empties (with a warning) in the CommonJS build of this same source, so it would
 * have to come from the build (a per-format banner), not from here.
 */
export const loadSsoClientModule = (): Promise<typeof SsoClientModule> =>
  (loading ??= import("@aws-sdk/client-sso").catch((error: unknown) => {
    loading = undefined;
    throw error;
  }));
