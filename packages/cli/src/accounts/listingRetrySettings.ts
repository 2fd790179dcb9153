import type { IniSection } from "@sso-kit/token-provider/internal";

/** The retry settings of the listing's SSO client that sso-kit chooses itself (see {@link listingRetrySettings}). */
export interface ListingRetrySettings {
  retryMode?: "adaptive";
  maxAttempts?: number;
}

/**
 * sso-kit's retry choice for the listing client, for each setting the user left unset, and nothing for the ones
 * they set (`AWS_RETRY_MODE` or the profile's `retry_mode`; `AWS_MAX_ATTEMPTS` or `max_attempts`): those the
 * SDK client reads itself, as every client does, so a user who asks for fewer attempts gets them.
 *
 * The choice: the SDK's adaptive retry strategy paces the client: after the first TooManyRequestsException it
 * sends no faster than the portal lets through, and every call made with the client shares that pace. While the
 * pace settles a call may meet more than one throttle: 5 attempts (the SDK's default is 3) ride them out, while a
 * portal that keeps failing (5xx) is still given up on within seconds, by the SDK's backoff and retry quota.
 */
export const listingRetrySettings = (
  profile: IniSection,
  env: NodeJS.ProcessEnv = process.env,
): ListingRetrySettings => ({
  ...(!env.AWS_RETRY_MODE && !profile.retry_mode && { retryMode: "adaptive" }),
  ...(!env.AWS_MAX_ATTEMPTS && !profile.max_attempts && { maxAttempts: 5 }),
});
