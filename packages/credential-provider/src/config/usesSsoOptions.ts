import type { FromSSOInit } from "../FromSSOInit.js";

/** `""` counts as unset, as in the official provider (which tests these options for truth). */
export const given = (value: string | undefined): string | undefined =>
  value === undefined || value === "" ? undefined : value;

/** Whether `fromSSO` takes its target from the `sso*` options (no config file) rather than from a profile. */
export const usesSsoOptions = (init: FromSSOInit): boolean =>
  [init.ssoStartUrl, init.ssoAccountId, init.ssoRegion, init.ssoRoleName, init.ssoSession].some(
    (value) => given(value) !== undefined,
  );
