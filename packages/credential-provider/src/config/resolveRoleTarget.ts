import type { Logger } from "@smithy/types";
import {
  resolveSsoProfile,
  resolveSsoSession,
  type SharedConfigInit,
  type SsoSession,
} from "@sso-kit/token-provider/internal/core";
import { SsoCredentialsProviderError } from "../errors/SsoCredentialsProviderError.js";
import { toCredentialsProviderError } from "../errors/toCredentialsProviderError.js";
import type { FromSSOInit, InheritedClientConfig } from "../FromSSOInit.js";
import { profileNameOf } from "./profileNameOf.js";
import type { RoleTarget } from "./RoleTarget.js";
import { given, usesSsoOptions } from "./usesSsoOptions.js";

const sharedConfigInit = (init: FromSSOInit): SharedConfigInit => ({
  ...(init.filepath !== undefined && { filepath: init.filepath }),
  ...(init.configFilepath !== undefined && { configFilepath: init.configFilepath }),
  ...(init.ignoreCache !== undefined && { ignoreCache: init.ignoreCache }),
});

const invalidConfig = (message: string, logger: Logger | undefined): SsoCredentialsProviderError =>
  new SsoCredentialsProviderError(message, { reason: "InvalidConfig", logger });

const quoteAll = (names: string[]): string => names.map((name) => `"${name}"`).join(", ");

/**
 * Which role, in which account, through which sign-in: from the `sso*` options when any is given (no config file
 * needed), else from the profile. Config reading and validation are the token provider's (`resolveSsoProfile`,
 * `resolveSsoSession`); this adds what role credentials need on top.
 *
 * @throws SsoCredentialsProviderError: `NotApplicable` (`tryNextLink: true`) for a missing or non-SSO profile;
 *   `InvalidConfig` for incomplete or contradictory settings, a token-only profile included.
 */
export const resolveRoleTarget = async (
  init: FromSSOInit,
  caller: InheritedClientConfig | undefined,
): Promise<RoleTarget> => {
  return usesSsoOptions(init) ? fromOptions(init) : fromProfile(init, caller);
};

const fromOptions = async (init: FromSSOInit): Promise<RoleTarget> => {
  const { logger } = init;
  const startUrl = given(init.ssoStartUrl);
  const region = given(init.ssoRegion);
  const accountId = given(init.ssoAccountId);
  const roleName = given(init.ssoRoleName);
  const sessionName = given(init.ssoSession);
  const base = { profileName: given(init.profile), fromProfile: false } as const;
  if (sessionName === undefined) {
    const missing = (
      [
        ["ssoStartUrl", startUrl],
        ["ssoAccountId", accountId],
        ["ssoRegion", region],
        ["ssoRoleName", roleName],
      ] as const
    ).filter(([, value]) => value === undefined);
    if (startUrl === undefined || region === undefined || accountId === undefined || roleName === undefined) {
      throw invalidConfig(
        `Incomplete configuration. The fromSSO() argument hash must include "ssoStartUrl", "ssoAccountId", ` +
          `"ssoRegion", "ssoRoleName" (or "ssoSession" with "ssoAccountId" and "ssoRoleName"); missing: ` +
          `${quoteAll(missing.map(([name]) => name))}.`,
        logger,
      );
    }
    return { kind: "legacy", startUrl, region, accountId, roleName, ...base };
  }
  if (accountId === undefined || roleName === undefined) {
    const missing = [accountId === undefined && "ssoAccountId", roleName === undefined && "ssoRoleName"];
    throw invalidConfig(
      `Incomplete configuration. With "ssoSession", the fromSSO() argument hash must also include ` +
        `"ssoAccountId" and "ssoRoleName"; missing: ${quoteAll(missing.filter((m) => m !== false))}.`,
      logger,
    );
  }
  const session = await explicitSession(init, sessionName, startUrl, region);
  return { kind: "sso-session", session, accountId, roleName, ...base };
};

/** The named session: from the options alone when they give its start URL and region, else from the config. */
const explicitSession = async (
  init: FromSSOInit,
  name: string,
  startUrl: string | undefined,
  region: string | undefined,
): Promise<SsoSession> => {
  if (startUrl !== undefined && region !== undefined) {
    return { name, startUrl, region };
  }
  let session: SsoSession;
  try {
    session = await resolveSsoSession(name, {
      ...sharedConfigInit(init),
      ...(init.logger !== undefined && { logger: init.logger }),
    });
  } catch (error) {
    throw toCredentialsProviderError(error, "InvalidConfig", init.logger);
  }
  for (const [option, own, key, configured] of [
    ["ssoStartUrl", startUrl, "sso_start_url", session.startUrl],
    ["ssoRegion", region, "sso_region", session.region],
  ] as const) {
    if (own !== undefined && own !== configured) {
      throw invalidConfig(
        `The ${option} option (${own}) differs from ${key} = ${configured} of [sso-session ${name}]. ` +
          `Remove the option or make both agree.`,
        init.logger,
      );
    }
  }
  return session;
};

const fromProfile = async (
  init: FromSSOInit,
  caller: InheritedClientConfig | undefined,
): Promise<RoleTarget> => {
  const { logger } = init;
  const profileName = profileNameOf(init, caller);
  let profile;
  try {
    profile = await resolveSsoProfile({
      ...sharedConfigInit(init),
      profile: profileName,
      ...(logger !== undefined && { logger }),
    });
  } catch (error) {
    throw toCredentialsProviderError(error, "InvalidConfig", logger);
  }
  const { accountId, roleName } = profile;
  if (accountId === undefined && roleName === undefined) {
    const signIn =
      profile.kind === "sso-session"
        ? `sso_session = ${profile.session.name}`
        : `sso_start_url = ${profile.startUrl}`;
    throw new SsoCredentialsProviderError(
      `Profile '${profile.profileName}' has ${signIn} but no sso_account_id or sso_role_name: the selected ` +
        `profile will resolve an access token instead of credentials. Add sso_account_id and sso_role_name to ` +
        `it for role credentials.`,
      // The official provider stops a chain here too: the user chose an SSO profile, only not a role.
      { reason: "InvalidConfig", logger },
    );
  }
  if (accountId === undefined || roleName === undefined) {
    const [set, unset] =
      accountId === undefined ? ["sso_role_name", "sso_account_id"] : ["sso_account_id", "sso_role_name"];
    throw invalidConfig(
      `Profile '${profile.profileName}' sets ${set} but not ${unset}: role credentials need both. ` +
        `Add ${unset} to the profile.`,
      logger,
    );
  }
  const base = { accountId, roleName, profileName: profile.profileName, fromProfile: true } as const;
  return profile.kind === "sso-session"
    ? { kind: "sso-session", session: profile.session, ...base }
    : { kind: "legacy", startUrl: profile.startUrl, region: profile.region, ...base };
};
