import type * as LoginModule from "@sso-kit/login";

let loading: Promise<typeof LoginModule> | undefined;

/**
 * `@sso-kit/login` is imported only when a sign-in on demand is about to start: a provider without the `login`
 * option, or whose session is fine, never loads it. A failed import is retried next time.
 */
export const loadLoginModule = (): Promise<typeof LoginModule> =>
  (loading ??= import("@sso-kit/login").catch((error: unknown) => {
    loading = undefined;
    throw error;
  }));
