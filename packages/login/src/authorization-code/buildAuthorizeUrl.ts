/** What goes into the authorize URL. */
export interface AuthorizeUrlParameters {
  /** SSO-OIDC base URL, e.g. `https://oidc.us-east-1.amazonaws.com`. */
  oidcEndpoint: string;
  /** The registered client's id (not a secret). */
  clientId: string;
  /** The loopback redirect URI, port included. */
  redirectUri: string;
  /** The random `state` the callback must carry back. */
  state: string;
  /** The S256 PKCE code challenge. */
  codeChallenge: string;
  /** Requested scopes, sent space-separated. */
  scopes: string[];
}

/**
 * The URL the browser opens to approve the sign-in, with the parameters in the AWS CLI's order. IAM
 * Identity Center calls the scope parameter `scopes` (plural), not OAuth's `scope`.
 */
export function buildAuthorizeUrl(parameters: AuthorizeUrlParameters): string {
  const query = new URLSearchParams([
    ["response_type", "code"],
    ["client_id", parameters.clientId],
    ["redirect_uri", parameters.redirectUri],
    ["state", parameters.state],
    ["code_challenge_method", "S256"],
    ["scopes", parameters.scopes.join(" ")],
    ["code_challenge", parameters.codeChallenge],
  ]);
  return `${parameters.oidcEndpoint}/authorize?${query.toString()}`;
}
