/**
 * The credential provider's start-up path: what a program loads to resolve credentials from a valid token. The
 * build makes it a module of its own (`dist/<format>/internal/core.js`); what it loads on first use (role chains,
 * the shared disk cache, sign-in, failure reports) is in `internal.js`. Not an export of the package.
 */
export { fromSSO } from "../fromSSO.js";
export { SsoCredentialsProviderError } from "../errors/SsoCredentialsProviderError.js";
