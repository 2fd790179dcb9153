import { loadSharedConfig } from "@sso-kit/token-provider";
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
  const base = await resolveRoleTarget(hops.length === 0 ? init : { ...init, profile: baseProfile }, caller);
  return { base, hops };
};
