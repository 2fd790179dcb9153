import type { PortalTransport } from "./PortalTransport.js";
import type { SsoPortalClient } from "./SsoPortalClient.js";
import { loadSsoClientModule } from "./loadSsoClientModule.js";

/** GetRoleCredentials through an SDK SSO client: `init.ssoClient`, or one built from the merged client config. */
export const sdkPortalTransport =
  (client: SsoPortalClient): PortalTransport =>
  async (accountId, roleName, accessToken) => {
    const { GetRoleCredentialsCommand } = await loadSsoClientModule();
    const command = new GetRoleCredentialsCommand({ accountId, roleName, accessToken });
    // See SsoPortalClient: any SSO client's send accepts this command at run time.
    return client.send(command as never);
  };
