/** A client registration, as RegisterClient or `seedClient` created it. */
export interface RegisteredClient {
  clientId: string;
  clientSecret: string;
  clientName: string;
  scopes: string[];
  /** Grant types the client registered; empty means the device code and refresh grants. */
  grantTypes: string[];
  redirectUris: string[];
  issuerUrl?: string;
  issuedAtMs: number;
  expiresAtMs: number;
}
