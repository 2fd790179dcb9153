import type { SSOClient, SSOClientConfig } from "@aws-sdk/client-sso";
import { boundedRequestHandler, configuredEndpoint } from "@sso-kit/token-provider/internal/core";
import { loadSsoClientModule } from "./loadSsoClientModule.js";

/**
 * An SSO portal client in `region` (the session's or profile's `sso_region`, whatever `config` says) whose every
 * attempt is bounded by sso-kit's request handler (deadline, reply cap), built on the `requestHandler` of `config`
 * when it has one (see `boundedRequestHandler`). With no `endpoint` in `config`, the endpoint configured for SSO
 * in `config.profile` applies (see `configuredEndpoint`).
 */
export const createSsoClient = async (region: string, config: SSOClientConfig): Promise<SSOClient> => {
  const { SSOClient } = await loadSsoClientModule();
  return new SSOClient({
    ...config,
    ...(config.endpoint === undefined &&
      config.profile !== undefined &&
      (await configuredEndpoint(config.profile, "sso"))),
    requestHandler: boundedRequestHandler(config.requestHandler),
    region,
  });
};
