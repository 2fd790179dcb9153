import { tokenProviderError } from "../errors/tokenProviderError.js";
import { describeMissingSection } from "./describeMissingSection.js";
import { findSettingLine } from "./findSettingLine.js";
import { findSkippedSection } from "./findSkippedSection.js";
import type { SharedConfig } from "./loadSharedConfig.js";

/** The error for a profile whose `services = <name>` has no `[services <name>]` section to go to. */
export const missingServicesSection = async (config: SharedConfig, profileName: string, name: string) => {
  const file = config.configFilepath;
  const text = await config.readText(file);
  const header =
    text === undefined
      ? undefined
      : findSkippedSection(text, file, profileName === "default" ? undefined : "profile", profileName);
  const line =
    text === undefined || header === undefined ? undefined : findSettingLine(text, header.line, "services");
  const setting = `services = ${name}${line === undefined ? "" : ` (${file} line ${line})`}`;
  const skipped = await describeMissingSection(config, "services", name);
  return tokenProviderError(
    `Profile '${profileName}' sets ${setting}, but the config file ${file} has no [services ${name}] section to take its endpoints from. ${
      skipped?.message ??
      `Add it (e.g. [services ${name}] with 'sso_oidc =' and an indented 'endpoint_url = https://...' below it), or remove the setting.`
    }`,
    { tryNextLink: false, reason: "Misconfigured" },
  );
};
