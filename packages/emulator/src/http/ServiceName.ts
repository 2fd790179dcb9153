/**
 * Which wire dialect a request belongs to: SSO-OIDC and the SSO portal speak restJson1 (with different error
 * namespaces), STS speaks awsQuery with XML replies, and the browser pages answer HTML.
 */
export type ServiceName = "oidc" | "sso" | "sts" | "page";
