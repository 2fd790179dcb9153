import type { OperationName } from "../OperationName.js";
import { createToken } from "../oidc/createToken.js";
import { createTokenWithIam } from "../oidc/createTokenWithIam.js";
import { registerClient } from "../oidc/registerClient.js";
import { startDeviceAuthorization } from "../oidc/startDeviceAuthorization.js";
import { answerAuthorizePage, showAuthorizePage } from "../pages/authorizePage.js";
import { answerDevicePage, showDevicePage } from "../pages/devicePage.js";
import { getRoleCredentials } from "../portal/getRoleCredentials.js";
import { listAccountRoles } from "../portal/listAccountRoles.js";
import { listAccounts } from "../portal/listAccounts.js";
import { logout } from "../portal/logout.js";
import { throttled } from "../portal/throttled.js";
import { assumeRole } from "../sts/assumeRole.js";
import { getCallerIdentity } from "../sts/getCallerIdentity.js";
import { stsActionOf } from "../sts/stsActionOf.js";
import type { Reply } from "./Reply.js";
import type { RequestContext } from "./RequestContext.js";
import type { ServiceName } from "./ServiceName.js";

/** The operation a request addresses, its service and its handler. */
export interface Route {
  operation: OperationName;
  service: ServiceName;
  handle: (ctx: RequestContext) => Reply | Promise<Reply>;
  /** The final route once the body has arrived, for protocols that name the operation in it (awsQuery). */
  byBody?: (body: Buffer) => Route;
}

/**
 * Finds the operation of a request from its method, path and (for CreateTokenWithIAM) query, the way the
 * restJson1 and awsQuery protocols address them; `undefined` when nothing matches.
 */
export const routeRequest = (method: string, path: string, query: URLSearchParams): Route | undefined => {
  switch (`${method} ${path}`) {
    case "POST /client/register":
      return { operation: "RegisterClient", service: "oidc", handle: registerClient };
    case "POST /device_authorization":
      return { operation: "StartDeviceAuthorization", service: "oidc", handle: startDeviceAuthorization };
    case "POST /token":
      return query.has("aws_iam")
        ? { operation: "CreateTokenWithIAM", service: "oidc", handle: createTokenWithIam }
        : { operation: "CreateToken", service: "oidc", handle: createToken };
    case "GET /federation/credentials":
      return { operation: "GetRoleCredentials", service: "sso", handle: throttled(getRoleCredentials) };
    case "GET /assignment/accounts":
      return { operation: "ListAccounts", service: "sso", handle: throttled(listAccounts) };
    case "GET /assignment/roles":
      return { operation: "ListAccountRoles", service: "sso", handle: throttled(listAccountRoles) };
    case "POST /logout":
      return { operation: "Logout", service: "sso", handle: throttled(logout) };
    case "POST /":
      return { ...GET_CALLER_IDENTITY, byBody: routeStsAction };
    case "GET /authorize":
      return { operation: "Authorize", service: "page", handle: showAuthorizePage };
    case "POST /authorize":
      return { operation: "Authorize", service: "page", handle: answerAuthorizePage };
    case "GET /device":
      return { operation: "DeviceVerification", service: "page", handle: showDevicePage };
    case "POST /device":
      return { operation: "DeviceVerification", service: "page", handle: answerDevicePage };
    default:
      return undefined;
  }
};

const GET_CALLER_IDENTITY: Route = {
  operation: "GetCallerIdentity",
  service: "sts",
  handle: getCallerIdentity,
};

/** The STS operation of an awsQuery body; a missing or unknown `Action` goes to GetCallerIdentity, which names it. */
const routeStsAction = (body: Buffer): Route =>
  stsActionOf(body) === "AssumeRole"
    ? { operation: "AssumeRole", service: "sts", handle: assumeRole }
    : GET_CALLER_IDENTITY;
