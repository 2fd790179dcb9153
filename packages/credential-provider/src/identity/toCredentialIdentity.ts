import type { RoleHop } from "../config/RoleHop.js";
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

/**
 * The identity a provider hands out for shared role credentials: a new object, owned by that provider. After the
 * `AssumeRole` hops of a role chain, the account is the last role's and the flags add those `fromIni` sets for a
 * `source_profile` chain (`CREDENTIALS_PROFILE_SOURCE_PROFILE` "o", `CREDENTIALS_STS_ASSUME_ROLE` "i").
 */
export const toCredentialIdentity = (
  credentials: RoleCredentials,
  target: RoleTarget,
  hops: readonly RoleHop[] = [],
): SsoCredentialIdentity => {
  const last = hops[hops.length - 1];
  return {
    accessKeyId: credentials.accessKeyId,
    secretAccessKey: credentials.secretAccessKey,
    sessionToken: credentials.sessionToken,
    expiration: new Date(credentials.expiration),
    accountId: last?.accountId ?? target.accountId,
    ...(credentials.credentialScope !== undefined ? { credentialScope: credentials.credentialScope } : {}),
    $source:
      last === undefined
        ? featuresOf(target)
        : {
            ...featuresOf(target),
            CREDENTIALS_PROFILE_SOURCE_PROFILE: "o",
            CREDENTIALS_STS_ASSUME_ROLE: "i",
          },
  };
};
