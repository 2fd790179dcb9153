import type * as SsoClientModule from "@aws-sdk/client-sso";
import { loadCommonJsModule } from "@sso-kit/token-provider/internal/core";
import { nodeRequire } from "../modules/nodeRequire.js";

let loading: Promise<typeof SsoClientModule> | undefined;

/**
 * `@aws-sdk/client-sso` is loaded on the first GetRoleCredentials call only: a program whose credentials are
 * memoized, or that never reaches this provider in its chain, never loads it. A failed load is retried next time.
 *
 * Loaded with `require()` in both builds where Node runs them (see `loadCommonJsModule`): the package has no ES
 * build Node can load (its `dist-es` is for bundlers, with extension-less imports), so every form loads
 * `dist-cjs/index.js`, and `require()` is the fastest. Measured (Node 20.20, 20 cold `node` processes each, the
 * load alone, median):
 *
 * | form                                          | quiet machine | loaded machine |
 * | --------------------------------------------- | ------------- | -------------- |
 * | CommonJS `require()`                          | 187 ms        | 752 ms         |
 * | `import()` from CommonJS                      | –             | 865 ms         |
 * | `import()` from an ES module                  | 431 ms        | 1,425 ms       |
 * | `createRequire(import.meta.url)()` from ES    | 257 ms        | 1,103 ms       |
 *
 * The `import()` here is what bundlers follow (and what a consumer's bundle runs).
 */
export const loadSsoClientModule = (): Promise<typeof SsoClientModule> =>
  (loading ??= loadCommonJsModule<typeof SsoClientModule>(
    nodeRequire,
    "@aws-sdk/client-sso",
    () => import("@aws-sdk/client-sso"),
  ).catch((error: unknown) => {
    loading = undefined;
    throw error;
  }));
