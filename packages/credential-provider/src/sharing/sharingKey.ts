import type { RoleTarget } from "../config/RoleTarget.js";
import { ssoRegionOf } from "../config/ssoRegionOf.js";
import { nodeCrypto } from "@sso-kit/token-provider/internal/core";

/**
 * The in-process sharing key of a target: sign-in (session name or start URL, and its region), account, role, and
 * a digest of the access token, so credentials fetched with a token are never served after a sign-in with a
 * different token. The token itself never becomes part of a key.
 */
export const sharingKey = (target: RoleTarget, accessToken: string): string =>
  JSON.stringify([
    target.kind,
    target.kind === "sso-session" ? target.session.name : target.startUrl,
    ssoRegionOf(target),
    target.accountId,
    target.roleName,
    nodeCrypto().createHash("sha256").update(accessToken).digest("base64url"),
  ]);
