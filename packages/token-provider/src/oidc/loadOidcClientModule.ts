import type * as OidcClientModule from "@aws-sdk/client-sso-oidc";
import { loadCommonJsModule } from "../modules/loadCommonJsModule.js";
import { nodeRequire } from "../modules/nodeRequire.js";

/**
 * `@aws-sdk/client-sso-oidc`, loaded on the first refresh only: a process whose token is fresh never loads it.
 * Through `require()` where the build has it (see `loadCommonJsModule`).
 */
export const loadOidcClientModule = (): Promise<typeof OidcClientModule> =>
  loadCommonJsModule<typeof OidcClientModule>(
    nodeRequire,
    "@aws-sdk/client-sso-oidc",
    () => import("@aws-sdk/client-sso-oidc"),
  );
