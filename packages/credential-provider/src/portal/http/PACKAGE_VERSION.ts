/** The version of `@sso-kit/credential-provider`, named in the portal calls' user agent (its spec keeps it equal to package.json). */
export const PACKAGE_VERSION = "0.1.0";
