import type * as SharedIniFileLoader from "@smithy/shared-ini-file-loader";
import { getHomeDir } from "./getHomeDir.js";
import { join } from "node:path";
import { expandHomePath } from "./expandHomePath.js";
import type { SharedConfigInit } from "./SharedConfigInit.js";
import { checkSharedConfigFile } from "./checkSharedConfigFile.js";
import { loadCommonJsModule } from "../modules/loadCommonJsModule.js";
import { nodeRequire } from "../modules/nodeRequire.js";

/** One section of an ini file: keys to values. */
export type IniSection = Record<string, string | undefined>;

/** The parts of the shared files sso-kit needs. Read-only: one reading is shared by every caller. */
export interface SharedConfig {
  /** The config file's path, after defaults and `~/` expansion (for messages). */
  configFilepath: string;
  /** The credentials file's path, after defaults and `~/` expansion (for messages). */
  credentialsFilepath: string;
  /** Profiles from the config file merged with the credentials file (credentials file wins per key). */
  profiles: Map<string, IniSection>;
  /** `[sso-session <name>]` sections of the config file. */
  ssoSessions: Map<string, IniSection>;
  /** `[services <name>]` sections of the config file, with nested keys as `<service>.<key>` (`sso.endpoint_url`). */
  services: Map<string, IniSection>;
  /**
   * The text of one of the two files as the loader read it (no second read), `undefined` when it could not be
   * read: for messages about sections the loader skipped (see `describeMissingSection`).
   */
  readText(path: string): Promise<string | undefined>;
}

const SSO_SESSION_PREFIX = "sso-session.";
const SERVICES_PREFIX = "services.";

/** Paths checked and then read by the loader, which keeps their content for the process (unless `ignoreCache`). */
const checked = new Set<string>();

/** The last files parsed, by the loader's own (cached) reads of them: parsing is what costs. */
let lastParsed: { texts: [Promise<string>, Promise<string>]; config: SharedConfig } | undefined;

/**
 * Reads the shared config and credentials files with `@smithy/shared-ini-file-loader` (the AWS SDK's own
 * parser, so both agree on every file), expanding `~/` in both paths. Missing files read as empty; an empty
 * `AWS_CONFIG_FILE` / `AWS_SHARED_CREDENTIALS_FILE` counts as unset, as in the SDK.
 *
 * Each file is checked first (see {@link checkSharedConfigFile}). The loader keeps each file's text until
 * `ignoreCache`; while it keeps the same texts, they are parsed once and every call (the CLI, the credential
 * provider, the token provider in one process) shares that parse: the SDK's parser is slow and memory-hungry on
 * large files.
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
  const checks: Array<[string, string]> = [
    [configFilepath, "shared config file"],
    [filepath, "shared credentials file"],
  ];
  await Promise.all(
    checks.map(async ([path, what]) => {
      if (init.ignoreCache !== true && checked.has(path)) return;
      // A missing file is checked again next time: it may appear, and be read, later.
      if (await checkSharedConfigFile(path, what)) checked.add(path);
    }),
  );
  // Loaded on first use: the module costs more to load than the rest of sso-kit's start.
  const { loadSharedConfigFiles, readFile } = await loadCommonJsModule<typeof SharedIniFileLoader>(
    nodeRequire,
    "@smithy/shared-ini-file-loader",
    () => import("@smithy/shared-ini-file-loader"),
  );
  const ignoreCache = init.ignoreCache === true;
  // The loader's cached reads (the same promises it uses itself), unless told to read again.
  const texts = ignoreCache ? undefined : cachedTexts(readFile, configFilepath, filepath);
  if (
    texts !== undefined &&
    lastParsed !== undefined &&
    lastParsed.texts[0] === texts[0] &&
    lastParsed.texts[1] === texts[1]
  ) {
    return lastParsed.config;
  }
  const files = await loadSharedConfigFiles({ filepath, configFilepath, ignoreCache });
  const profiles = new Map<string, IniSection>();
  const ssoSessions = new Map<string, IniSection>();
  const services = new Map<string, IniSection>();
  for (const [key, section] of Object.entries(files.configFile)) {
    if (key.startsWith(SSO_SESSION_PREFIX)) {
      ssoSessions.set(key.slice(SSO_SESSION_PREFIX.length), section);
    } else if (key.startsWith(SERVICES_PREFIX)) {
      services.set(key.slice(SERVICES_PREFIX.length), section);
    } else {
      profiles.set(key, section);
    }
  }
  for (const [key, section] of Object.entries(files.credentialsFile)) {
    const fromConfig = profiles.get(key);
    profiles.set(key, fromConfig === undefined ? section : { ...fromConfig, ...section });
  }
  const config: SharedConfig = {
    configFilepath,
    credentialsFilepath: filepath,
    profiles,
    ssoSessions,
    services,
    readText: async (path) => {
      if (path !== configFilepath && path !== filepath) return undefined;
      try {
        return await readFile(path);
      } catch {
        return undefined;
      }
    },
  };
  // After `ignoreCache`, the loader keeps the texts it has just read: later calls share this parse of them.
  lastParsed = { texts: texts ?? cachedTexts(readFile, configFilepath, filepath), config };
  return config;
};

/** The loader's cached reads of both files (rejections observed: a missing file is no error here). */
const cachedTexts = (
  readFile: (path: string) => Promise<string>,
  configFilepath: string,
  filepath: string,
): [Promise<string>, Promise<string>] => {
  const texts: [Promise<string>, Promise<string>] = [readFile(configFilepath), readFile(filepath)];
  for (const text of texts) text.catch(() => undefined);
  return texts;
};
