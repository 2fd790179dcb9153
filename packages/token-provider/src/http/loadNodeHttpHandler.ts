import type * as NodeHttpHandlerModule from "@smithy/node-http-handler";
import type { NodeHttpHandler } from "@smithy/node-http-handler";
import { loadCommonJsModule } from "../modules/loadCommonJsModule.js";
import { nodeRequire } from "../modules/nodeRequire.js";

let loading: Promise<typeof NodeHttpHandler> | undefined;

/**
 * The SDK's `NodeHttpHandler`, imported when the first request is sent: by then the SDK client sending it has
 * loaded the module already, so importing sso-kit costs nothing more. A failed import is retried next time.
 */
export const loadNodeHttpHandler = (): Promise<typeof NodeHttpHandler> =>
  (loading ??= loadCommonJsModule<typeof NodeHttpHandlerModule>(
    nodeRequire,
    "@smithy/node-http-handler",
    () => import("@smithy/node-http-handler"),
  ).then(
    (module) => module.NodeHttpHandler,
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  ));
