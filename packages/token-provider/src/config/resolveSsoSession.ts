import type { Logger } from "@smithy/types";
import { loadSharedConfig, type SharedConfig } from "./loadSharedConfig.js";
import type { SharedConfigInit } from "./SharedConfigInit.js";
import type { SsoSession } from "./SsoProfile.js";
import { tokenProviderError } from "../errors/tokenProviderError.js";

/** Options of {@link resolveSsoSession}. */
export interface ResolveSsoSessionInit extends SharedConfigInit {
  /** Receives a debug line when resolution fails. */
  logger?: Logger;
}

/**
 * Reads the `[sso-session <name>]` section of the shared config file.
 *
 * @throws TokenProviderError (`tryNextLink: false`) when the section is missing or lacks `sso_start_url` or
 *   `sso_region`: the user asked for this session, so no other provider should silently take over.
 */
export const resolveSsoSession = async (
  name: string,
  init: ResolveSsoSessionInit = {},
): Promise<SsoSession> => ssoSessionFromConfig(name, await loadSharedConfig(init), init.logger);

/** @internal shared by {@link resolveSsoSession} and `resolveSsoProfile` (one file read for both). */
export const ssoSessionFromConfig = async (
  name: string,
  config: SharedConfig,
  logger?: Logger,
): Promise<SsoSession> => {
  const section = config.ssoSessions.get(name);
  const where = `Add it to the config file ${config.configFilepath}, e.g.\n[sso-session ${name}]\nsso_start_url = https://<your-portal>.awsapps.com/start\nsso_region = <region>`;
  if (section === undefined) {
    // The SDK's wording first (code written for the SDK's provider matches on it), then what is in the file.
    // Only a missing section needs the words for it.
    const { describeMissingSection } = await import("./describeMissingSection.js");
    const skipped = await describeMissingSection(config, "sso-session", name);
    throw await tokenProviderError(
      `Sso session '${name}' could not be found in shared credentials file. ${skipped?.message ?? where}`,
      { tryNextLink: false, logger },
    );
  }
  const startUrl = section.sso_start_url;
  const region = section.sso_region;
  // Start URL first, region second: the order the Java SDK reports them in.
  for (const [key, value] of [
    ["sso_start_url", startUrl],
    ["sso_region", region],
  ] as const) {
    if (value === undefined || value === "") {
      throw await tokenProviderError(
        `Sso session '${name}' is missing required property '${key}'. ${where}`,
        {
          tryNextLink: false,
          logger,
        },
      );
    }
  }
  const session: SsoSession = { name, startUrl: startUrl as string, region: region as string };
  const scopes = section.sso_registration_scopes
    ?.split(",")
    .map((scope) => scope.trim())
    .filter((scope) => scope !== "");
  if (scopes !== undefined && scopes.length > 0) {
    session.registrationScopes = scopes;
  }
  return session;
};
