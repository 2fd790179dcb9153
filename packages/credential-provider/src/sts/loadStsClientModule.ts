import type * as StsClientModule from "@aws-sdk/client-sts";
import { loadCommonJsModule } from "@sso-kit/token-provider/internal/core";
import { nodeRequire } from "../modules/nodeRequire.js";

let loading: Promise<typeof StsClientModule> | undefined;

/**
 * `@aws-sdk/client-sts` is imported on the first `AssumeRole` of a role chain only: a plain SSO profile never
 * loads it. Loaded as `@aws-sdk/client-sso` is (see `loadSsoClientModule`: `require()` where Node runs the build,
 * `import()` in a bundle). A failed import is retried next time.
 */
export const loadStsClientModule = (): Promise<typeof StsClientModule> =>
  (loading ??= loadCommonJsModule<typeof StsClientModule>(
    nodeRequire,
    "@aws-sdk/client-sts",
    () => import("@aws-sdk/client-sts"),
  ).catch((error: unknown) => {
    loading = undefined;
    throw error;
  }));
