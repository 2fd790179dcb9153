import type * as SsoClientModule from "@aws-sdk/client-sso";

let loading: Promise<typeof SsoClientModule> | undefined;

/**
 * `@aws-sdk/client-sso` is imported on the first GetRoleCredentials call only: a program whose credentials are
 * memoized, or that never reaches this provider in its chain, never loads it. A failed import is retried next time.
 */
export const loadSsoClientModule = (): Promise<typeof SsoClientModule> =>
  (loading ??= import("@aws-sdk/client-sso").catch((error: unknown) => {
    loading = undefined;
    throw error;
  }));
