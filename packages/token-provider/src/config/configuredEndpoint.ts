import type { SharedConfig } from "./loadSharedConfig.js";

/** A service sso-kit calls, by its key in a `[services]` section (`AWS_ENDPOINT_URL_<KEY>` in upper case). */
export type ConfiguredEndpointService = "sso" | "sso_oidc" | "sts";

/** The endpoint settings of an SDK client for one service and profile (see {@link configuredEndpoint}). */
export type ConfiguredEndpoint = { endpoint: string } | { ignoreConfiguredEndpointUrls: true };

/**
 * Where the environment and the shared config file send `service` for the profile `profileName`, as settings of
 * the SDK client for it: `{ endpoint }`, from the first of `AWS_ENDPOINT_URL_<SERVICE>`, `AWS_ENDPOINT_URL`, the
 * profile's `[services]` section (`<service> = / endpoint_url = ...`) and the profile's `endpoint_url`; else
 * `{ ignoreConfiguredEndpointUrls: true }` (also when `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS` or the profile's
 * `ignore_configured_endpoint_urls` is `true`), so that the client takes its region's endpoint.
 *
 * `config` is the one the caller resolved the profile from (`loadSharedConfig` with the caller's `filepath` /
 * `configFilepath`): the SDK's clients apply the same order by themselves, but they read the config file's part
 * from `AWS_CONFIG_FILE` (or `~/.aws/config`) and the profile of `AWS_PROFILE` (or `default`), whatever file or
 * `profile` sso-kit was given: a profile named in sso-kit's options (`fromSSO({ profile, configFilepath })`,
 * `--profile`) would lose its own endpoints and get another profile's.
 *
 * @throws TokenProviderError (`tryNextLink: false`, `reason: "Misconfigured"`) when the profile's `services`
 *   names a `[services]` section the config file does not have (and no variable above decided first, as in the
 *   SDK, whose selector raises it too): the message names the file, the section, and the line of the setting.
 */
export const configuredEndpoint = async (
  config: SharedConfig,
  profileName: string,
  service: ConfiguredEndpointService,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ConfiguredEndpoint> => {
  const profile = config.profiles.get(profileName) ?? {};
  const ignore = env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS || profile.ignore_configured_endpoint_urls;
  if (ignore?.toLowerCase() === "true") return { ignoreConfiguredEndpointUrls: true };
  const fromEnv = env[`AWS_ENDPOINT_URL_${service.toUpperCase()}`] || env.AWS_ENDPOINT_URL;
  if (fromEnv) return { endpoint: fromEnv };
  let fromServices: string | undefined;
  // An empty `services =` names no section, for the SDK too.
  if (profile.services) {
    const section = config.services.get(profile.services);
    if (section === undefined) {
      // The words for a missing section are loaded only when one is missing.
      const { missingServicesSection } = await import("./missingServicesSection.js");
      throw await missingServicesSection(config, profileName, profile.services);
    }
    fromServices = section[`${service}.endpoint_url`];
  }
  const endpoint = fromServices || profile.endpoint_url;
  return endpoint ? { endpoint } : { ignoreConfiguredEndpointUrls: true };
};
