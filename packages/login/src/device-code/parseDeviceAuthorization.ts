import type { StartDeviceAuthorizationCommandOutput } from "@aws-sdk/client-sso-oidc";

import { parseSignInUrl } from "../browser/parseSignInUrl.js";
import { LoginError } from "../LoginError.js";

/** A StartDeviceAuthorization reply whose fields may be shown to the user and given to the browser. */
export interface DeviceAuthorization {
  readonly deviceCode: string;
  /** Letters, digits and dashes only (e.g. `ABCD-EFGH`). */
  readonly userCode: string;
  /** An https URL (http on a loopback host), without user name or password. */
  readonly verificationUri: string;
  /** Like `verificationUri`, when the reply has one. */
  readonly verificationUriComplete?: string;
  readonly expiresIn: number;
  readonly interval?: number;
}

/** What IAM Identity Center's user codes look like (`ABCD-EFGH`), with room to spare. */
const USER_CODE = /^[A-Z0-9-]{1,64}$/;

/**
 * Checks a StartDeviceAuthorization reply before anything of it is printed or opened: the user code and the
 * verification URIs are server text shown on the user's terminal and given to the browser, so a reply whose user
 * code is not letters, digits and dashes, or whose URIs are not https (or loopback http) URLs, is refused whole
 * (never quoted) with `where` (the endpoint URL) named.
 *
 * @throws LoginError `InvalidResponse`
 */
export function parseDeviceAuthorization(
  reply: StartDeviceAuthorizationCommandOutput,
  where: string,
): DeviceAuthorization {
  const status = reply.$metadata?.httpStatusCode;
  const invalid = (what: string): LoginError =>
    new LoginError(
      "InvalidResponse",
      `${where} answered StartDeviceAuthorization (HTTP ${status ?? "status unknown"}) with ${what}: it is not IAM Identity Center, or the service failed; check sso_region and AWS_ENDPOINT_URL_SSO_OIDC, then start the login again`,
    );
  const { deviceCode, userCode, verificationUri, verificationUriComplete, expiresIn, interval } = reply;
  if (!deviceCode || !userCode || !verificationUri || typeof expiresIn !== "number" || !(expiresIn > 0)) {
    throw invalid("an incomplete reply (deviceCode, userCode, verificationUri or expiresIn missing)");
  }
  if (!USER_CODE.test(userCode)) throw invalid("a userCode that is not letters, digits and dashes");
  const uri = parseSignInUrl(verificationUri);
  if (uri === undefined) throw invalid("a verificationUri that is not an https URL");
  let complete: string | undefined;
  if (verificationUriComplete) {
    complete = parseSignInUrl(verificationUriComplete);
    if (complete === undefined) throw invalid("a verificationUriComplete that is not an https URL");
  }
  return {
    deviceCode,
    userCode,
    verificationUri: uri,
    ...(complete !== undefined && { verificationUriComplete: complete }),
    expiresIn,
    ...(typeof interval === "number" && interval > 0 && { interval }),
  };
}
