/**
 * What `fromSSO` needs of an SSO client: `send` for GetRoleCredentials. Both the public `SSOClient` of
 * `@aws-sdk/client-sso` and the one of `@aws-sdk/nested-clients` (the type the official provider declares) fit;
 * their command types differ between the two packages although they interoperate, so the command is typed
 * `never` here and the reply is validated, not trusted.
 */
export interface SsoPortalClient {
  send(command: never): Promise<unknown>;
}
