import type { SSOClient, SSOClientConfig } from "@aws-sdk/client-sso";
import {
  boundedRequestHandler,
  configuredEndpoint,
  loadSharedConfig,
  type SharedConfigInit,
} from "@sso-kit/token-provider/internal/core";
import { loadSsoClientModule } from "./loadSsoClientModule.js";

/**
 * An SSO portal client in `region` (the session's or profile's `sso_region`, whatever `config` says) whose every
 * attempt is bounded by sso-kit's request handler (deadline, reply cap), built on the `requestHandler` of `config`
 * when it has one (see `boundedRequestHandler`). With no `endpoint` in `config`, the endpoint configured for SSO
 * in `config.profile` applies (see `configuredEndpoint`), as the shared files of `files` (the provider's
 * `filepath` / `configFilepath`) say.
 */
export const createSsoClient = async (
  region: string,
  config: SSOClientConfig,
  files: Pick<SharedConfigInit, "filepath" | "configFilepath"> = {},
): Promise<SSOClient> => {
  const { SSOClient } = await loadSsoClientModule();
  const { filepath, configFilepath } = files;
  return new SSOClient({
    ...config,
    ...(config.endpoint === undefined &&
      config.profile !== undefined &&
      (await configuredEndpoint(
        await loadSharedConfig({ filepath, configFilepath }),
        config.profile,
        "sso",
      ))),
    requestHandler: boundedRequestHandler(config.requestHandler),
    region,
  });
};
