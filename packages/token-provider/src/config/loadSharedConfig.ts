import { getHomeDir } from "./getHomeDir.js";
import { join } from "node:path";
import { expandHomePath } from "./expandHomePath.js";
import type { SharedConfigInit } from "./SharedConfigInit.js";
import { checkSharedConfigFile } from "./checkSharedConfigFile.js";

/** One section of an ini file: keys to values. */
export type IniSection = Record<string, string | undefined>;

/** The parts of the shared files sso-kit needs. */
export interface SharedConfig {
  /** The config file's path, after defaults and `~/` expansion (for messages). */
  configFilepath: string;
  /** Profiles from the config file merged with the credentials file (credentials file wins per key). */
  profiles: Map<string, IniSection>;
  /** `[sso-session <name>]` sections of the config file. */
  ssoSessions: Map<string, IniSection>;
}

const SSO_SESSION_PREFIX = "sso-session.";

/** Paths checked and then read by the loader, which keeps their content for the process (unless `ignoreCache`). */
const checked = new Set<string>();

/**
 * Reads the shared config and credentials files with `@smithy/shared-ini-file-loader` (the AWS SDK's own
 * parser, so both agree on every file), expanding `~/` in both paths. Missing files read as empty; an empty
 * `AWS_CONFIG_FILE` / `AWS_SHARED_CREDENTIALS_FILE` counts as unset, as in the SDK. Each file is checked first
 * (see {@link checkSharedConfigFile}).
 *
 * @throws TokenProviderError (`reason: "Misconfigured"`) when a file is a FIFO, device, directory or too large.
 */
export const loadSharedConfig = async (init: SharedConfigInit = {}): Promise<SharedConfig> => {
  const configFilepath = expandHomePath(
    init.configFilepath ?? (process.env.AWS_CONFIG_FILE || join(getHomeDir(), ".aws", "config")),
  );
  const filepath = expandHomePath(
    init.filepath ?? (process.env.AWS_SHARED_CREDENTIALS_FILE || join(getHomeDir(), ".aws", "credentials")),
  );
  // The loader reads whole files with a plain readFile: a FIFO or a link to a device would hang or exhaust it.
  // It keeps what it read for the process unless `ignoreCache`: a file is checked whenever it may be read.
  const files: Array<[string, string]> = [
    [configFilepath, "shared config file"],
    [filepath, "shared credentials file"],
  ];
  await Promise.all(
    files.map(async ([path, what]) => {
      if (init.ignoreCache !== true && checked.has(path)) return;
      // A missing file is checked again next time: it may appear, and be read, later.
      if (await checkSharedConfigFile(path, what)) checked.add(path);
    }),
  );
  // Loaded on first use: the module costs more to load than the rest of sso-kit's start.
  const { loadSharedConfigFiles } = await import("@smithy/shared-ini-file-loader");
  const loaded = await loadSharedConfigFiles({ filepath, configFilepath, ignoreCache: init.ignoreCache });
  const profiles = new Map<string, IniSection>();
  const ssoSessions = new Map<string, IniSection>();
  for (const [key, section] of Object.entries(loaded.configFile)) {
    if (key.startsWith(SSO_SESSION_PREFIX)) {
      ssoSessions.set(key.slice(SSO_SESSION_PREFIX.length), { ...section });
    } else if (!key.startsWith("services.")) {
      profiles.set(key, { ...section });
    }
  }
  for (const [key, section] of Object.entries(loaded.credentialsFile)) {
    profiles.set(key, { ...profiles.get(key), ...section });
  }
  return { configFilepath, profiles, ssoSessions };
};
