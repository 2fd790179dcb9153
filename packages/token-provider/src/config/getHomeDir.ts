import { homedir } from "node:os";
import { sep } from "node:path";

/**
 * The home directory as every AWS SDK for JavaScript v3 resolves it (`getHomeDir` of
 * `@smithy/shared-ini-file-loader`): `HOME`, else `USERPROFILE`, else `HOMEDRIVE` + `HOMEPATH`, else the OS
 * account's. Restated here because importing that module costs a program more than all of sso-kit's start, and
 * the path is needed before any file is read; the spec checks both agree.
 */
export const getHomeDir = (): string => {
  const { HOME, USERPROFILE, HOMEPATH, HOMEDRIVE = `C:${sep}` } = process.env;
  if (HOME) return HOME;
  if (USERPROFILE) return USERPROFILE;
  if (HOMEPATH) return `${HOMEDRIVE}${HOMEPATH}`;
  return homedir();
};
