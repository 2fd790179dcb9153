import { PACKAGE_VERSION } from "./PACKAGE_VERSION.js";

/** Characters the SDK replaces with `-` in a user-agent value. */
const UNSAFE = /[^!$%&'*+\-.^_`|~\w#]/g;

/**
 * The `user-agent` of the lean transport's calls: sso-kit and its version, the runtime, the API, and
 * `app/<appId>` when an application id is set (escaped as the SDK escapes it).
 */
export const portalUserAgent = (appId: string | undefined): string => {
  const parts = [`sso-kit/${PACKAGE_VERSION}`, "lang/js", `md/nodejs#${process.versions.node}`, "api/sso"];
  if (appId) parts.push(`app/${appId.replace(UNSAFE, "-")}`);
  return parts.join(" ");
};
