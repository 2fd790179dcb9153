import { loadSharedConfig } from "@sso-kit/token-provider/internal/core";
import { SsoCredentialsProviderError } from "../errors/SsoCredentialsProviderError.js";
import { toCredentialsProviderError } from "../errors/toCredentialsProviderError.js";
import type { FromSSOInit, InheritedClientConfig } from "../FromSSOInit.js";
import { profileNameOf } from "./profileNameOf.js";
import { readRoleHops } from "./readRoleHops.js";
import { resolveRoleTarget } from "./resolveRoleTarget.js";
import type { RoleChain } from "./RoleChain.js";
import { usesSsoOptions } from "./usesSsoOptions.js";

/**
 * The SSO role and the `AssumeRole` hops of the profile (or options) `fromSSO` was given: a profile with
 * `role_arn` and `source_profile` is followed to the SSO profile at the end of its chain (see `readRoleHops`),
 * which is then resolved as any SSO profile (`resolveRoleTarget`). With `sso*` options there are no hops.
 *
 * @throws SsoCredentialsProviderError: those of `readRoleHops` and `resolveRoleTarget`; a chain whose end is not an
 *   SSO profile is `NotApplicable` (`tryNextLink: true`), as a plain non-SSO profile is.
 */
export const resolveRoleChain = async (
  init: FromSSOInit,
  caller: InheritedClientConfig | undefined,
): Promise<RoleChain> => {
  if (usesSsoOptions(init)) return { base: await resolveRoleTarget(init, caller), hops: [] };
  const { logger } = init;
  const profileName = profileNameOf(init, caller);
  let config;
  try {
    config = await loadSharedConfig({
      ...(init.filepath !== undefined && { filepath: init.filepath }),
      ...(init.configFilepath !== undefined && { configFilepath: init.configFilepath }),
      ...(init.ignoreCache !== undefined && { ignoreCache: init.ignoreCache }),
    });
  } catch (error) {
    throw toCredentialsProviderError(error, "InvalidConfig", logger);
  }
  const { baseProfile, hops } = readRoleHops(config, profileName, process.env, logger);
  if (hops.length === 0) return { base: await resolveRoleTarget(init, caller), hops };
  try {
    return { base: await resolveRoleTarget({ ...init, profile: baseProfile }, caller), hops };
  } catch (error) {
    // The user asked for the chain's first profile: say how its end was reached.
    if (error instanceof SsoCredentialsProviderError && error.reason === "NotApplicable") {
      throw new SsoCredentialsProviderError(
        `Profile '${profileName}' takes its credentials from source profile '${baseProfile}': ${error.message}`,
        { reason: "NotApplicable", tryNextLink: true, cause: error, logger },
      );
    }
    throw error;
  }
};
