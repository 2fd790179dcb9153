import { getHomeDir } from "./getHomeDir.js";
import { join } from "node:path";

/**
 * Expands a leading `~/` (or a lone `~`) to the user's home directory, the way shells and the AWS CLI do.
 * The official JS SDK only does this for some options; we do it for every path a user can pass.
 */
export const expandHomePath = (path: string): string => {
  if (path === "~") {
    return getHomeDir();
  }
  if (path.startsWith("~/") || path.startsWith("~\\")) {
    return join(getHomeDir(), path.slice(2));
  }
  return path;
};
