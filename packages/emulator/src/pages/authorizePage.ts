import { clientAllowsGrant, GRANT_TYPES } from "../oidc/grantTypes.js";
import { redirectUriMatchesRegistration } from "../oidc/isLoopbackRedirectUri.js";
import { htmlReply, redirectReply, type Reply } from "../http/Reply.js";
import type { RequestContext } from "../http/RequestContext.js";
import type { AuthorizationRequest } from "../state/AuthorizationRequest.js";
import type { EmulatorState } from "../state/EmulatorState.js";
import { randomToken } from "../state/randomToken.js";
import { pageError } from "./pageError.js";
import { readForm } from "./readForm.js";
import { renderConsentPage } from "./renderConsentPage.js";

const CHALLENGE_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * `GET /authorize`: validates an authorization request (client, loopback redirect URI, response type, state, PKCE
 * S256 challenge, scopes) and shows the consent page, or with `autoApprove` redirects at once with a code. An
 * invalid request gets an HTML error page, never a redirect.
 */
export const showAuthorizePage = (ctx: RequestContext): Reply => {
  const { state, query } = ctx;
  const clientId = single(query, "client_id");
  const client = clientId === undefined ? undefined : state.clients.get(clientId);
  if (client === undefined || state.clock.now() >= client.expiresAtMs) {
    throw pageError("invalid_client", "The client_id is missing, unknown or its registration has expired.");
  }
  const redirectUri = single(query, "redirect_uri");
  if (redirectUri === undefined || !redirectUriMatchesRegistration(redirectUri, client.redirectUris)) {
    throw pageError(
      "invalid_redirect_uri",
      "The redirect_uri is missing, not a loopback URI or not registered.",
    );
  }
  if (!clientAllowsGrant(client.grantTypes, GRANT_TYPES.authorizationCode)) {
    throw pageError("unauthorized_client", "The client is not registered for the authorization_code grant.");
  }
  if (single(query, "response_type") !== "code") {
    throw pageError("unsupported_response_type", 'response_type must be "code".');
  }
  const requestState = single(query, "state");
  if (requestState === undefined || requestState === "")
    throw pageError("invalid_request", "state is required.");
  const codeChallenge = single(query, "code_challenge");
  if (codeChallenge === undefined || !CHALLENGE_PATTERN.test(codeChallenge)) {
    throw pageError("invalid_request", "code_challenge must be a base64url SHA-256 digest (43 characters).");
  }
  if (single(query, "code_challenge_method") !== "S256") {
    throw pageError("invalid_request", 'code_challenge_method must be "S256".');
  }
  const scopes = (single(query, "scopes") ?? "").split(" ").filter((scope) => scope !== "");
  if (client.scopes.length > 0 && scopes.some((scope) => !client.scopes.includes(scope))) {
    throw pageError("invalid_scope", "The request asks for scopes the client did not register.");
  }
  const request: AuthorizationRequest = {
    clientId: client.clientId,
    redirectUri,
    state: requestState,
    codeChallenge,
    scopes: scopes.length > 0 ? scopes : client.scopes,
    expiresAtMs: state.clock.now() + state.options.deviceCodeTtlSeconds * 1000,
  };
  if (state.options.autoApprove) return redirectReply(grantCode(state, request));
  const requestId = randomToken("", 24);
  state.consentRequests.put(requestId, request);
  return htmlReply(renderConsentPage({ clientName: client.clientName, scopes: request.scopes, requestId }));
};

/** `POST /authorize`: the user's Allow or Deny; 303 to the redirect URI with `code` or `error=access_denied`. */
export const answerAuthorizePage = (ctx: RequestContext): Reply => {
  const form = readForm(ctx);
  const requestId = form.get("request_id") ?? "";
  const decision = form.get("decision");
  if (decision !== "allow" && decision !== "deny")
    throw pageError("invalid_request", "Choose Allow or Deny.");
  const request = ctx.state.consentRequests.take(requestId);
  if (request === undefined) {
    throw pageError(
      "invalid_request",
      "This sign-in request is unknown or was already answered. Start again.",
    );
  }
  if (ctx.state.clock.now() >= request.expiresAtMs) {
    throw pageError("expired_request", "This sign-in request has expired. Start again.");
  }
  if (decision === "deny") {
    return redirectReply(withParams(request.redirectUri, { error: "access_denied", state: request.state }));
  }
  return redirectReply(grantCode(ctx.state, request));
};

const grantCode = (state: EmulatorState, request: AuthorizationRequest): string => {
  const code = randomToken("emu-code-", 32);
  state.authorizationCodes.put(code, request);
  return withParams(request.redirectUri, { code, state: request.state });
};

const withParams = (uri: string, params: Record<string, string>): string => {
  const url = new URL(uri);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.toString();
};

/** A query parameter that must appear at most once (a repeated one is ambiguous, so it counts as invalid). */
const single = (query: URLSearchParams, name: string): string | undefined => {
  const values = query.getAll(name);
  return values.length === 1 ? values[0] : undefined;
};
