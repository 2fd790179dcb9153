import type { FromSSOInit, RoleCredentialCacheMode } from "../FromSSOInit.js";
import { SsoCredentialsProviderError } from "../errors/SsoCredentialsProviderError.js";

/** The variable that sets {@link FromSSOInit.roleCredentialCache} for a whole program (or test run). */
export const ROLE_CREDENTIAL_CACHE_ENV = "SSO_KIT_ROLE_CREDENTIAL_CACHE";

/**
 * The role-credential cache `fromSSO` uses: `init.roleCredentialCache`, else `SSO_KIT_ROLE_CREDENTIAL_CACHE`, else
 * `"memory"` (the official provider's behaviour).
 *
 * @throws SsoCredentialsProviderError (`InvalidConfig`) for any other value, naming where it came from.
 */
export const roleCredentialCacheModeOf = (
  init: Pick<FromSSOInit, "roleCredentialCache" | "logger">,
  env: NodeJS.ProcessEnv = process.env,
): RoleCredentialCacheMode => {
  const fromInit = init.roleCredentialCache;
  const [value, source] =
    fromInit !== undefined
      ? [fromInit as unknown, "the fromSSO option roleCredentialCache"]
      : [env[ROLE_CREDENTIAL_CACHE_ENV], `the environment variable ${ROLE_CREDENTIAL_CACHE_ENV}`];
  if (value === undefined || value === "") return "memory";
  if (value === "memory" || value === "shared") return value;
  throw new SsoCredentialsProviderError(
    `${source} must be "shared" or "memory", not ${JSON.stringify(String(value)).slice(0, 40)}.`,
    { reason: "InvalidConfig", logger: init.logger },
  );
};
