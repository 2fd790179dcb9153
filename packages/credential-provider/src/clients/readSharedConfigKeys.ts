import { loadSharedConfig } from "@sso-kit/token-provider/internal";

/**
 * The keys (lower case) of the profile an SDK client reads its own settings from (`AWS_PROFILE`, else
 * `default`; config and credentials files merged), through the token provider's reading of the shared files (the
 * SDK's parser). That is the profile whose endpoint, FIPS, retry or app-id settings would change the SSO client,
 * whichever profile `fromSSO` gets its SSO settings from. `undefined` when the files cannot be read.
 */
export const readSharedConfigKeys = async (
  env: Readonly<Record<string, string | undefined>>,
): Promise<ReadonlySet<string> | undefined> => {
  try {
    // The parser's copy, as read for the target: the SDK client would read that same copy.
    const { profiles } = await loadSharedConfig();
    const profile = profiles.get(env.AWS_PROFILE || "default") ?? {};
    return new Set(Object.keys(profile).map((key) => key.toLowerCase()));
  } catch {
    return undefined;
  }
};
