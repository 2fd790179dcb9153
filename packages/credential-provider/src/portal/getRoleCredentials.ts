import type { Logger } from "@smithy/types";
import type { RoleTarget } from "../config/RoleTarget.js";
import type { RoleCredentials } from "./RoleCredentials.js";
import type { SsoPortalClient } from "./SsoPortalClient.js";
import { loadSsoClientModule } from "./loadSsoClientModule.js";
import { parseRoleCredentials } from "./parseRoleCredentials.js";
import { toPortalError } from "./toPortalError.js";

/** One GetRoleCredentials call: its inputs. */
export interface GetRoleCredentialsRequest {
  /** The SSO client: `init.ssoClient`, or one built in the target's `sso_region`. */
  client: SsoPortalClient;
  /** Which role in which account. */
  target: RoleTarget;
  /** The SSO access token (sent as `x-amz-sso_bearer_token`; never logged). */
  accessToken: string;
  /** For the errors' debug line. */
  logger: Logger | undefined;
}

/** Calls GetRoleCredentials and returns validated credentials, or throws a typed error. */
export const getRoleCredentials = async ({
  client,
  target,
  accessToken,
  logger,
}: GetRoleCredentialsRequest): Promise<RoleCredentials> => {
  const { GetRoleCredentialsCommand } = await loadSsoClientModule();
  let output: unknown;
  try {
    const command = new GetRoleCredentialsCommand({
      accountId: target.accountId,
      roleName: target.roleName,
      accessToken,
    });
    // See SsoPortalClient: any SSO client's send accepts this command at run time.
    output = await client.send(command as never);
  } catch (error) {
    throw toPortalError(error, target, accessToken, logger);
  }
  return parseRoleCredentials(output, target, logger);
};
