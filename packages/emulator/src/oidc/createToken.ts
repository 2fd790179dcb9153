import { JsonFields } from "../http/JsonFields.js";
import { jsonReply, type Reply } from "../http/Reply.js";
import type { RequestContext } from "../http/RequestContext.js";
import { authenticateClient } from "./authenticateClient.js";
import { clientAllowsGrant, GRANT_TYPES } from "./grantTypes.js";
import { invalidOidcRequest } from "./invalidOidcRequest.js";
import type { IssuedTokens } from "./issueTokens.js";
import { oidcError } from "./oidcError.js";
import { redeemAuthorizationCode } from "./redeemAuthorizationCode.js";
import { redeemDeviceCode } from "./redeemDeviceCode.js";
import { redeemRefreshToken } from "./redeemRefreshToken.js";

/** `POST /token`: CreateToken for the device code, authorization code and refresh token grants. */
export const createToken = (ctx: RequestContext): Reply => {
  const fields = JsonFields.parse(ctx.body, invalidOidcRequest);
  const clientId = fields.requiredString("clientId");
  const clientSecret = fields.requiredString("clientSecret");
  const grantType = fields.requiredString("grantType");
  const deviceCode = fields.optionalString("deviceCode");
  const code = fields.optionalString("code");
  const refreshToken = fields.optionalString("refreshToken");
  const scope = fields.optionalStringList("scope");
  const redirectUri = fields.optionalString("redirectUri");
  const codeVerifier = fields.optionalString("codeVerifier");
  const { state } = ctx;
  const client = authenticateClient(state, clientId, clientSecret);
  const known: string[] = [GRANT_TYPES.deviceCode, GRANT_TYPES.authorizationCode, GRANT_TYPES.refreshToken];
  if (!known.includes(grantType)) {
    throw oidcError(
      "UnsupportedGrantTypeException",
      `Grant type "${grantType}" is not supported by CreateToken.`,
    );
  }
  if (!clientAllowsGrant(client.grantTypes, grantType)) {
    throw oidcError(
      "UnauthorizedClientException",
      `The client is not registered for the ${grantType} grant.`,
    );
  }
  let tokens: IssuedTokens;
  if (grantType === GRANT_TYPES.deviceCode) {
    if (deviceCode === undefined || deviceCode === "") throw invalidOidcRequest("deviceCode is required.");
    tokens = redeemDeviceCode(state, clientId, deviceCode);
  } else if (grantType === GRANT_TYPES.authorizationCode) {
    if (code === undefined || code === "") throw invalidOidcRequest("code is required.");
    if (redirectUri === undefined || redirectUri === "") throw invalidOidcRequest("redirectUri is required.");
    if (codeVerifier === undefined || codeVerifier === "")
      throw invalidOidcRequest("codeVerifier is required.");
    tokens = redeemAuthorizationCode(state, { clientId, code, redirectUri, codeVerifier });
  } else {
    if (refreshToken === undefined || refreshToken === "")
      throw invalidOidcRequest("refreshToken is required.");
    tokens = redeemRefreshToken(state, {
      clientId,
      refreshToken,
      viaIam: false,
      ...(scope ? { scope } : {}),
    });
  }
  return jsonReply(tokens);
};
