import { JsonFields } from "../http/JsonFields.js";
import { jsonReply, type Reply } from "../http/Reply.js";
import type { RequestContext } from "../http/RequestContext.js";
import { authenticateClient } from "./authenticateClient.js";
import { clientAllowsGrant, GRANT_TYPES, REGISTRABLE_GRANT_TYPES } from "./grantTypes.js";
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
  // The grants' own members are type-checked before authentication, whichever grant the request names.
  for (const name of ["deviceCode", "code", "refreshToken", "redirectUri", "codeVerifier"]) {
    fields.optionalString(name);
  }
  const scope = fields.optionalStringList("scope");
  const { state } = ctx;
  const client = authenticateClient(state, clientId, clientSecret);
  if (!REGISTRABLE_GRANT_TYPES.includes(grantType)) {
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
    tokens = redeemDeviceCode(state, clientId, fields.requiredString("deviceCode"));
  } else if (grantType === GRANT_TYPES.authorizationCode) {
    tokens = redeemAuthorizationCode(state, {
      clientId,
      code: fields.requiredString("code"),
      redirectUri: fields.requiredString("redirectUri"),
      codeVerifier: fields.requiredString("codeVerifier"),
    });
  } else {
    tokens = redeemRefreshToken(state, {
      clientId,
      refreshToken: fields.requiredString("refreshToken"),
      viaIam: false,
      ...(scope ? { scope } : {}),
    });
  }
  const { scopes: _scopes, ...output } = tokens;
  return jsonReply(output);
};
