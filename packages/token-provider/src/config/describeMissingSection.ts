import { findSkippedSection } from "./findSkippedSection.js";
import type { SharedConfig } from "./loadSharedConfig.js";

/**
 * What to tell the user about a `[profile NAME]` (`prefix` `profile`), `[sso-session NAME]` or `[services NAME]`
 * the loaded files do not have: when the config file (or, for a profile, the credentials file) has a header with
 * that name that the SDK's loader skipped, which file and line, and why (a name with characters the AWS SDK for JavaScript does
 * not accept; or `emptySection`: a section without settings, which the loader drops); `undefined` when there is
 * no such header.
 */
export const describeMissingSection = async (
  config: SharedConfig,
  prefix: "profile" | "sso-session" | "services",
  name: string,
): Promise<{ message: string; emptySection: boolean } | undefined> => {
  const places: Array<[string, "profile" | "sso-session" | "services" | undefined]> =
    prefix !== "profile"
      ? [[config.configFilepath, prefix]]
      : [
          [config.configFilepath, name === "default" ? undefined : "profile"],
          [config.credentialsFilepath, undefined],
        ];
  for (const [file, sectionPrefix] of places) {
    const text = await config.readText(file);
    const found = text === undefined ? undefined : findSkippedSection(text, file, sectionPrefix, name);
    if (found === undefined) continue;
    const where = `${found.header} in ${found.file} line ${found.line}`;
    return found.nameAccepted
      ? { message: `${where} has no settings, so it is ignored; add its settings there.`, emptySection: true }
      : {
          emptySection: false,
          message: `${where} has a name with characters the AWS SDK for JavaScript does not accept (only letters, digits and - _ @ + . % : /), so it skips that section; rename it${prefix === "profile" ? "" : ` (and the ${prefix === "sso-session" ? "sso_session" : "services"} settings that name it)`}.`,
        };
  }
  return undefined;
};
