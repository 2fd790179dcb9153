import type { Logger } from "@smithy/types";
import { getProfileName } from "./getProfileName.js";
import { loadSharedConfig, type IniSection } from "./loadSharedConfig.js";
import { ssoSessionFromConfig } from "./resolveSsoSession.js";
import type { SharedConfigInit } from "./SharedConfigInit.js";
import type { SsoProfile } from "./SsoProfile.js";
import { tokenProviderError } from "../errors/tokenProviderError.js";

/** Options of {@link resolveSsoProfile}. */
export interface ResolveSsoProfileInit extends SharedConfigInit {
  /** Profile to resolve; see {@link getProfileName} for the fallbacks. */
  profile?: string;
  /** Configuration of the client using the provider; its `profile` is the second choice. */
  parentClientConfig?: { profile?: string };
  /** Receives a debug line when resolution fails. */
  logger?: Logger;
}

const SSO_KEYS = ["sso_session", "sso_start_url", "sso_region", "sso_account_id", "sso_role_name"] as const;

/**
 * Resolves the profile to use and the IAM Identity Center settings it names.
 *
 * @throws TokenProviderError with `tryNextLink: true` when the profile does not exist or has no `sso_*` setting
 *   (another provider in a chain may handle it; a `login_session` profile of `aws login` is named as one, with the
 *   SDK provider that reads it), and `tryNextLink: false` when it is an SSO profile whose settings
 *   are incomplete or contradict its `[sso-session]` section (the user meant SSO; a silent fallback would hide it),
 *   or when the profile's section is there but the SDK's loader skipped it (its file and line are named).
 */
export const resolveSsoProfile = async (init: ResolveSsoProfileInit = {}): Promise<SsoProfile> => {
  const profileName = getProfileName(init);
  const { logger } = init;
  const config = await loadSharedConfig(init);
  const profile = config.profiles.get(profileName);
  if (profile === undefined) {
    // The SDK's wording first (code written for the SDK's provider matches on it), then which files were read.
    // Only a missing section needs the words for it.
    const { describeMissingSection } = await import("./describeMissingSection.js");
    const skipped = await describeMissingSection(config, "profile", profileName);
    throw await tokenProviderError(
      `Profile '${profileName}' could not be found in shared credentials file. ${
        skipped?.message ??
        `It is in neither the config file ${config.configFilepath} nor the credentials file ${config.credentialsFilepath}; check the profile name (AWS_PROFILE or the 'profile' option).`
      }`,
      // A section skipped for its name was meant to be used: no other provider should silently take over.
      { tryNextLink: skipped === undefined || skipped.emptySection, logger },
    );
  }
  if (!SSO_KEYS.some((key) => isSet(profile, key)) && isSet(profile, "login_session")) {
    // `aws login` (AWS CLI 2.32+): users keep these beside their SSO profiles, and ask why sso-kit skips them.
    throw await tokenProviderError(
      `Profile '${profileName}' uses console credentials ('aws login', login_session), not IAM Identity Center (SSO): sso-kit does not sign in, refresh or list accounts for it. Its credentials come from the AWS CLI's login cache through fromLoginCredentials of @aws-sdk/credential-providers, which fromIni and the SDK's default credential chain also use.`,
      { tryNextLink: true, logger },
    );
  }
  if (!SSO_KEYS.some((key) => isSet(profile, key))) {
    throw await tokenProviderError(
      `Profile '${profileName}' is missing required property 'sso_session': it is not an IAM Identity Center (SSO) profile.`,
      { tryNextLink: true, logger },
    );
  }
  const accountId = value(profile, "sso_account_id");
  const roleName = value(profile, "sso_role_name");
  const startUrl = value(profile, "sso_start_url");
  const region = value(profile, "sso_region");
  const sessionName = value(profile, "sso_session");
  if (sessionName !== undefined) {
    const session = await ssoSessionFromConfig(sessionName, config, logger);
    for (const [key, own, sessions] of [
      ["sso_start_url", startUrl, session.startUrl],
      ["sso_region", region, session.region],
    ] as const) {
      if (own !== undefined && own !== sessions) {
        throw await tokenProviderError(
          `Profile '${profileName}' sets ${key} = ${own} but its sso-session '${sessionName}' sets ${key} = ${sessions}. Remove ${key} from the profile (the [sso-session ${sessionName}] section is used) or make both agree in ${config.configFilepath}.`,
          { tryNextLink: false, logger },
        );
      }
    }
    return {
      kind: "sso-session",
      profileName,
      session,
      ...(accountId !== undefined && { accountId }),
      ...(roleName !== undefined && { roleName }),
      ...(startUrl !== undefined && { startUrl }),
      ...(region !== undefined && { region }),
    };
  }
  for (const [key, own] of [
    ["sso_start_url", startUrl],
    ["sso_region", region],
  ] as const) {
    if (own === undefined) {
      throw await tokenProviderError(
        `Profile '${profileName}' is missing required property '${key}' (or 'sso_session'). Add 'sso_session = <name>' and an [sso-session <name>] section to ${config.configFilepath}.`,
        { tryNextLink: false, logger },
      );
    }
  }
  return {
    kind: "legacy",
    profileName,
    startUrl: startUrl as string,
    region: region as string,
    ...(accountId !== undefined && { accountId }),
    ...(roleName !== undefined && { roleName }),
  };
};

const value = (section: IniSection, key: string): string | undefined => {
  const found = section[key];
  return found === undefined || found === "" ? undefined : found;
};

const isSet = (section: IniSection, key: string): boolean => value(section, key) !== undefined;
