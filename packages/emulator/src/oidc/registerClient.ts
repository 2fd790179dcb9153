import { JsonFields } from "../http/JsonFields.js";
import { jsonReply, type Reply } from "../http/Reply.js";
import type { RequestContext } from "../http/RequestContext.js";
import { randomToken } from "../state/randomToken.js";
import type { RegisteredClient } from "../state/RegisteredClient.js";
import { GRANT_TYPES, REGISTRABLE_GRANT_TYPES } from "./grantTypes.js";
import { invalidOidcRequest } from "./invalidOidcRequest.js";
import { isLoopbackRedirectUri } from "./isLoopbackRedirectUri.js";
import { oidcError } from "./oidcError.js";

const SCOPE_PATTERN = /^[\w:./*-]{1,256}$/;

/** `POST /client/register`: registers a public client. */
export const registerClient = (ctx: RequestContext): Reply => {
  const fields = JsonFields.parse(ctx.body, invalidOidcRequest);
  const clientName = fields.requiredString("clientName");
  const clientType = fields.requiredString("clientType");
  const scopes = fields.optionalStringList("scopes") ?? [];
  const redirectUris = fields.optionalStringList("redirectUris") ?? [];
  const grantTypes = fields.optionalStringList("grantTypes") ?? [];
  const issuerUrl = fields.optionalString("issuerUrl");
  fields.optionalString("entitledApplicationArn");
  if (clientType !== "public") {
    throw oidcError("InvalidClientMetadataException", `clientType must be "public", got "${clientType}".`);
  }
  const badScope = scopes.find((scope) => !SCOPE_PATTERN.test(scope));
  if (badScope !== undefined) throw oidcError("InvalidScopeException", "scopes holds an invalid scope.");
  const badGrant = grantTypes.find((grant) => !REGISTRABLE_GRANT_TYPES.includes(grant));
  if (badGrant !== undefined) {
    throw oidcError("UnsupportedGrantTypeException", `Grant type "${badGrant}" cannot be registered.`);
  }
  if (redirectUris.some((uri) => !isLoopbackRedirectUri(uri))) {
    throw oidcError("InvalidRedirectUriException", "redirectUris must be http loopback URIs.");
  }
  const usesCode = grantTypes.includes(GRANT_TYPES.authorizationCode);
  if (usesCode && redirectUris.length === 0) {
    throw oidcError("InvalidRedirectUriException", "The authorization_code grant needs redirectUris.");
  }
  const now = ctx.state.clock.now();
  const client: RegisteredClient = {
    clientId: randomToken("emu-client-", 16),
    clientSecret: randomToken("emu-secret-", 48),
    clientName,
    scopes,
    grantTypes,
    redirectUris,
    ...(issuerUrl === undefined ? {} : { issuerUrl }),
    issuedAtMs: now,
    expiresAtMs: now + ctx.state.options.clientRegistrationTtlSeconds * 1000,
  };
  ctx.state.clients.add(client);
  return jsonReply({
    clientId: client.clientId,
    clientSecret: client.clientSecret,
    clientIdIssuedAt: Math.floor(client.issuedAtMs / 1000),
    clientSecretExpiresAt: Math.floor(client.expiresAtMs / 1000),
    ...(usesCode
      ? { authorizationEndpoint: `${ctx.state.url}/authorize`, tokenEndpoint: `${ctx.state.url}/token` }
      : {}),
  });
};
