import type { Logger } from "@smithy/types";
import type { RoleTarget } from "../config/RoleTarget.js";
import type { PortalTransport } from "./PortalTransport.js";
import type { RoleCredentials } from "./RoleCredentials.js";
import { parseRoleCredentials } from "./parseRoleCredentials.js";
import { toPortalError } from "./toPortalError.js";

/** One GetRoleCredentials call: its inputs. */
export interface GetRoleCredentialsRequest {
  /** What carries the call: the lean `node:http(s)` transport or an SDK SSO client. */
  transport: PortalTransport;
  /** Which role in which account. */
  target: RoleTarget;
  /** The SSO access token (sent as `x-amz-sso_bearer_token`; never logged). */
  accessToken: string;
  /** For the errors' debug line. */
  logger: Logger | undefined;
}

/**
 * Calls GetRoleCredentials and returns validated credentials, or throws a typed error. Whichever transport made
 * the call, its failure goes through {@link toPortalError} and its reply through {@link parseRoleCredentials}.
 */
export const getRoleCredentials = async ({
  transport,
  target,
  accessToken,
  logger,
}: GetRoleCredentialsRequest): Promise<RoleCredentials> => {
  let output: unknown;
  try {
    output = await transport(target.accountId, target.roleName, accessToken);
  } catch (error) {
    throw toPortalError(error, target, accessToken, logger);
  }
  return parseRoleCredentials(output, target, logger);
};
