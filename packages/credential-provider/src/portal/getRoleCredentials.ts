import type { Logger } from "@smithy/types";
import type { RoleTarget } from "../config/RoleTarget.js";
import { loadSsoClientModule } from "./loadSsoClientModule.js";
import type { RoleCredentials } from "./RoleCredentials.js";
import type { SsoPortalClient } from "./SsoPortalClient.js";
import { parseRoleCredentials } from "./parseRoleCredentials.js";

/** One GetRoleCredentials call: its inputs. */
export interface GetRoleCredentialsRequest {
  /** The SDK SSO client that sends it: `init.ssoClient`, or the one built from the merged client config. */
  client: SsoPortalClient;
  /** Which role in which account. */
  target: RoleTarget;
  /** The SSO access token (sent as `x-amz-sso_bearer_token`; never logged). */
  accessToken: string;
  /** For the errors' debug line. */
  logger: Logger | undefined;
  /** Secrets no error may quote besides `accessToken`: the token it replaced, which a portal may still echo. */
  otherSecrets?: readonly string[];
}

/**
 * Calls GetRoleCredentials through the SDK SSO client and returns validated credentials, or throws a typed
 * error: a failure goes through {@link toPortalError}, the reply through {@link parseRoleCredentials}.
 */
export const getRoleCredentials = async ({
  client,
  target,
  accessToken,
  logger,
  otherSecrets = [],
}: GetRoleCredentialsRequest): Promise<RoleCredentials> => {
  let output: unknown;
  try {
    const { GetRoleCredentialsCommand } = await loadSsoClientModule();
    const { accountId, roleName } = target;
    // See SsoPortalClient: any SSO client's send accepts this command at run time.
    output = await client.send(new GetRoleCredentialsCommand({ accountId, roleName, accessToken }) as never);
  } catch (error) {
    // Reading a failure is loaded by the first one.
    const { toPortalError } = await import("./toPortalError.js");
    throw toPortalError(error, target, accessToken, logger, otherSecrets);
  }
  return parseRoleCredentials(output, target, logger);
};
