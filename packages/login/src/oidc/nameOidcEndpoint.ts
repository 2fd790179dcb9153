import { endpointUrlOf, type EndpointConfig } from "@sso-kit/token-provider/internal";

/**
 * `the SSO-OIDC endpoint <url>` (without user name or password), for messages about what that endpoint answered;
 * without the URL when the client cannot say it.
 */
export async function nameOidcEndpoint(oidc: { readonly config: EndpointConfig }): Promise<string> {
  try {
    return `the SSO-OIDC endpoint ${await endpointUrlOf(oidc)}`;
  } catch {
    return "the SSO-OIDC endpoint";
  }
}
