/** Name of the profile used when nothing else names one (as in every AWS SDK). */
export const DEFAULT_PROFILE = "default";

/** Environment variable naming the profile to use. */
export const ENV_PROFILE = "AWS_PROFILE";

/** Where a profile name can come from, highest precedence first. */
export interface ProfileNameInit {
  /** Profile named explicitly by the caller of the provider factory. */
  profile?: string;
  /** Configuration of the client that uses the provider; its `profile` comes second. */
  parentClientConfig?: { profile?: string };
}

/**
 * The profile to use: `init.profile`, then the calling client's `profile`, then `AWS_PROFILE`, then `default`.
 * Empty strings count as unset, as in `@smithy/shared-ini-file-loader`.
 */
export const getProfileName = (init: ProfileNameInit = {}): string =>
  nonEmpty(init.profile) ??
  nonEmpty(init.parentClientConfig?.profile) ??
  nonEmpty(process.env[ENV_PROFILE]) ??
  DEFAULT_PROFILE;

const nonEmpty = (value: string | undefined): string | undefined =>
  value === undefined || value === "" ? undefined : value;
