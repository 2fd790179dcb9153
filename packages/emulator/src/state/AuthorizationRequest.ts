/** A validated `/authorize` request waiting for the user's Allow or Deny (or a code already granted). */
export interface AuthorizationRequest {
  clientId: string;
  redirectUri: string;
  state: string;
  codeChallenge: string;
  scopes: string[];
  expiresAtMs: number;
}
