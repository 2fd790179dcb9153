import type { RoleTarget } from "../config/RoleTarget.js";
import type { RoleCredentials } from "../portal/RoleCredentials.js";
import type { SsoCredentialFeatures, SsoCredentialIdentity } from "./SsoCredentialIdentity.js";

/**
 * The feature flags of a target. Written as a plain `$source` record, as `setCredentialFeature` of `@aws-sdk/core`
 * does, instead of importing `@aws-sdk/core/client` at load time for a four-line helper: the record is what the
 * SDK's user-agent middleware reads, and each identity gets its own record, so a wrapper adding its flag (as the
 * SDK's ini provider does) never touches credentials shared with other providers.
 */
const featuresOf = (target: RoleTarget): SsoCredentialFeatures => {
  if (target.kind === "sso-session") {
    return target.fromProfile
      ? { CREDENTIALS_SSO: "s", CREDENTIALS_PROFILE_SSO: "r" }
      : { CREDENTIALS_SSO: "s" };
  }
  return target.fromProfile
    ? { CREDENTIALS_SSO_LEGACY: "u", CREDENTIALS_PROFILE_SSO_LEGACY: "t" }
    : { CREDENTIALS_SSO_LEGACY: "u" };
};

/** The identity a provider hands out for shared role credentials: a new object, owned by that provider. */
export const toCredentialIdentity = (
  credentials: RoleCredentials,
  target: RoleTarget,
): SsoCredentialIdentity => ({
  accessKeyId: credentials.accessKeyId,
  secretAccessKey: credentials.secretAccessKey,
  sessionToken: credentials.sessionToken,
  expiration: new Date(credentials.expiration),
  accountId: target.accountId,
  ...(credentials.credentialScope !== undefined ? { credentialScope: credentials.credentialScope } : {}),
  $source: featuresOf(target),
});
