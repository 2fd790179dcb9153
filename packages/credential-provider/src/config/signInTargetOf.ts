import type { SignInTarget } from "@sso-kit/token-provider/internal/core";
import type { RoleTarget } from "./RoleTarget.js";

/** Who must sign in again for a target, in the terms of the token provider's `signInCommand`/`signInAdvice`. */
export const signInTargetOf = (target: RoleTarget): SignInTarget =>
  target.kind === "sso-session"
    ? { profileName: target.profileName, sessionName: target.session.name }
    : { profileName: target.profileName, startUrl: target.startUrl };
