import type { SSOClient, SSOClientConfig } from "@aws-sdk/client-sso";
import { DEFAULT_REQUEST_HANDLER } from "@sso-kit/token-provider/internal";
import { loadSsoClientModule } from "./loadSsoClientModule.js";

/**
 * An SSO portal client in `region` (the session's or profile's `sso_region`, whatever `config` says), with the
 * time limits of every sso-kit call unless `config` brings its own `requestHandler`.
 */
export const createSsoClient = async (region: string, config: SSOClientConfig): Promise<SSOClient> => {
  const { SSOClient } = await loadSsoClientModule();
  return new SSOClient({
    ...config,
    requestHandler: config.requestHandler ?? DEFAULT_REQUEST_HANDLER,
    region,
  });
};
