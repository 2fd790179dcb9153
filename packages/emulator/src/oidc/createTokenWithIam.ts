import { JsonFields } from "../http/JsonFields.js";
import { jsonReply, type Reply } from "../http/Reply.js";
import type { RequestContext } from "../http/RequestContext.js";
import { GRANT_TYPES } from "./grantTypes.js";
import { invalidOidcRequest } from "./invalidOidcRequest.js";
import { issueTokens, type IssuedTokens } from "./issueTokens.js";
import { oidcError } from "./oidcError.js";
import { redeemRefreshToken } from "./redeemRefreshToken.js";

const JWT_PATTERN = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/**
 * `POST /token?aws_iam=t`: CreateTokenWithIAM for the JWT bearer and refresh token grants. The request is SigV4
 * signed by the client; the emulator accepts it without checking the signature (it has no IAM principals).
 */
export const createTokenWithIam = (ctx: RequestContext): Reply => {
  const fields = JsonFields.parse(ctx.body, invalidOidcRequest);
  const clientId = fields.requiredString("clientId");
  const grantType = fields.requiredString("grantType");
  // The grants' own members (and those of the grants the emulator does not support) are type-checked up front.
  for (const name of [
    "assertion",
    "refreshToken",
    "code",
    "redirectUri",
    "subjectToken",
    "subjectTokenType",
    "requestedTokenType",
    "codeVerifier",
  ]) {
    fields.optionalString(name);
  }
  const scope = fields.optionalStringList("scope");
  if (
    typeof ctx.headers.authorization !== "string" ||
    !ctx.headers.authorization.startsWith("AWS4-HMAC-SHA256 ")
  ) {
    throw oidcError("InvalidClientException", "CreateTokenWithIAM requests must be signed with SigV4.");
  }
  let tokens: IssuedTokens;
  if (grantType === GRANT_TYPES.jwtBearer) {
    const assertion = fields.requiredString("assertion");
    if (!JWT_PATTERN.test(assertion)) throw oidcError("InvalidGrantException", "assertion is not a JWT.");
    tokens = issueTokens(ctx.state, { clientId, scopes: scope ?? ["sso:account:access"], viaIam: true });
  } else if (grantType === GRANT_TYPES.refreshToken) {
    tokens = redeemRefreshToken(ctx.state, {
      clientId,
      refreshToken: fields.requiredString("refreshToken"),
      viaIam: true,
      ...(scope ? { scope } : {}),
    });
  } else {
    throw oidcError(
      "UnsupportedGrantTypeException",
      `Grant type "${grantType}" is not supported by the emulator.`,
    );
  }
  const { scopes, ...output } = tokens;
  const identityContext = `arn:aws:identitystore::${ctx.state.options.accounts[0]?.accountId ?? "000000000000"}:identitystore/d-0000000000/user/${ctx.state.options.userName}`;
  return jsonReply({
    ...output,
    idToken: unsignedIdToken({
      sub: ctx.state.options.userName,
      aud: clientId,
      "sts:identity_context": identityContext,
    }),
    issuedTokenType: "urn:ietf:params:oauth:token-type:refresh_token",
    scope: scopes,
    awsAdditionalDetails: { identityContext },
  });
};

const unsignedIdToken = (claims: Record<string, string>): string =>
  [{ alg: "none", typ: "JWT" }, claims]
    .map((part) => Buffer.from(JSON.stringify(part)).toString("base64url"))
    .join(".") + ".";
