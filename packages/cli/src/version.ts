/** The version of `@sso-kit/cli`, printed by `sso-kit --version` (kept equal to package.json by its spec). */
export const VERSION = "0.1.0";
