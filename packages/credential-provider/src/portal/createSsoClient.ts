import type { SSOClient, SSOClientConfig } from "@aws-sdk/client-sso";
import { loadSsoClientModule } from "./loadSsoClientModule.js";

/** An SSO portal client in `region` (the session's or profile's `sso_region`, whatever `config` says). */
export const createSsoClient = async (region: string, config: SSOClientConfig): Promise<SSOClient> => {
  const { SSOClient } = await loadSsoClientModule();
  return new SSOClient({ ...config, region });
};
