import type * as StsClientModule from "@aws-sdk/client-sts";

let loading: Promise<typeof StsClientModule> | undefined;

/**
 * `@aws-sdk/client-sts` is imported on the first `AssumeRole` of a role chain only: a plain SSO profile never
 * loads it. Loaded as `@aws-sdk/client-sso` is (see `loadSsoClientModule`: `import()` here, `require()` in the
 * CommonJS build). A failed import is retried next time.
 */
export const loadStsClientModule = (): Promise<typeof StsClientModule> =>
  (loading ??= import("@aws-sdk/client-sts").catch((error: unknown) => {
    loading = undefined;
    throw error;
  }));
