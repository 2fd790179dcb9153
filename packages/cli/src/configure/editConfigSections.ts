import type { IniSection } from "@sso-kit/token-provider/internal";
import { loadSharedConfig } from "@sso-kit/token-provider/internal";
import { CliError } from "../errors/CliError.js";
import type { CheckedTextFile } from "../files/readTextFileChecked.js";
import { readTextFileChecked } from "../files/readTextFileChecked.js";
import type { SectionName } from "../profiles/ConfigSection.js";
import { ConfigSection } from "../profiles/ConfigSection.js";

/** A section `configure` writes, with its keys and values in the order they are written. */
export interface SectionContent extends SectionName {
  readonly values: ReadonlyArray<readonly [key: string, value: string]>;
}

/** What happens to one section. */
export type SectionAction = "added" | "replaced" | "unchanged";

/** The config file with the sections put in, not yet written. */
export interface ConfigSectionsEdit {
  /** The config file's path. */
  readonly path: string;
  /** The file as read, `undefined` when it does not exist. */
  readonly file: CheckedTextFile | undefined;
  /** The new text (a byte string). */
  readonly text: string;
  /** What happens to each section, in the order given. */
  readonly actions: ReadonlyArray<{ readonly section: SectionContent; readonly action: SectionAction }>;
}

/**
 * Puts `sections` into the config file (`AWS_CONFIG_FILE`, else `~/.aws/config`): a missing section is appended,
 * one with the same keys and values (as the SDK's parser reads them) is left as it is, and one that differs is
 * replaced only when `force`. Nothing is written here.
 *
 * @throws CliError (exit 1) naming the file, the section and its line when a section differs and not `force`.
 */
export async function editConfigSections(
  sections: readonly SectionContent[],
  options: { readonly force: boolean },
): Promise<ConfigSectionsEdit> {
  const config = await loadSharedConfig({ ignoreCache: true });
  const path = config.configFilepath;
  const file = await readTextFileChecked(path);
  let text = file?.bytes ?? "";
  const actions = [];
  for (const section of sections) {
    const found = ConfigSection.find(text, section, path);
    const parsed =
      section.kind === "profile" ? config.profiles.get(section.name) : config.ssoSessions.get(section.name);
    let action: SectionAction = "added";
    if (found.exists) {
      if (parsed !== undefined && sameValues(parsed, section.values)) {
        actions.push({ section, action: "unchanged" as const });
        continue;
      }
      if (!options.force) {
        throw new CliError(
          `${path} line ${found.line} already has ${ConfigSection.label(section)} with other settings: choose another name, or pass --force to replace it (the previous file is kept as ${path}.bak).`,
        );
      }
      action = "replaced";
    }
    text = found.withLines([
      toBytes(ConfigSection.label(section)),
      ...section.values.map(([key, value]) => toBytes(`${key} = ${value}`)),
    ]);
    actions.push({ section, action });
  }
  return { path, file, text, actions };
}

function sameValues(parsed: IniSection, values: SectionContent["values"]): boolean {
  const keys = Object.keys(parsed).filter((key) => parsed[key] !== undefined);
  return keys.length === values.length && values.every(([key, value]) => parsed[key]?.trim() === value);
}

const toBytes = (text: string): string => Buffer.from(text, "utf8").toString("latin1");
