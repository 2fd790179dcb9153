import { getProfileName } from "@sso-kit/token-provider/internal/core";
import type { FromSSOInit, InheritedClientConfig } from "../FromSSOInit.js";
import { given } from "./usesSsoOptions.js";

/** The profile `fromSSO` reads: `init.profile`, the parent's or calling client's `profile`, `AWS_PROFILE`, `default`. */
export const profileNameOf = (init: FromSSOInit, caller: InheritedClientConfig | undefined): string =>
  getProfileName({
    ...(init.profile !== undefined && { profile: init.profile }),
    parentClientConfig: { profile: given(init.parentClientConfig?.profile) ?? given(caller?.profile) },
  });
