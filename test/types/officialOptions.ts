/**
 * Whatever the official declarations accept, ours accept, in a project with `exactOptionalPropertyTypes` (where
 * `x?: T` refuses an explicit `undefined` unless declared `x?: T | undefined`): an options object typed as the
 * official provider's init can be handed to ours unchanged. Compiled by `pnpm typecheck`; it fails to compile,
 * not at run time.
 */
import type {
  FromSSOInit as OfficialFromSSOInit,
  SsoCredentialsParameters,
} from "@aws-sdk/credential-provider-sso";
import type { FromSsoInit as OfficialFromSsoInit } from "@aws-sdk/token-providers";
import { fromSSO, type FromSSOInit } from "@sso-kit/credential-provider";
import { fromSso, type FromSsoInit } from "@sso-kit/token-provider";
import type { LoginOptions } from "@sso-kit/login";
import type { EmulatorOptions } from "@sso-kit/emulator";

declare const officialCredentialsInit: OfficialFromSSOInit & Partial<SsoCredentialsParameters>;
export const credentialsInit: FromSSOInit = officialCredentialsInit;
export const credentials = fromSSO(officialCredentialsInit);

declare const officialTokenInit: OfficialFromSsoInit;
export const tokenInit: FromSsoInit = officialTokenInit;
export const token = fromSso(officialTokenInit);

// Every optional option takes an explicit `undefined`, as the official ones do.
export const explicitUndefined = fromSSO({
  profile: undefined,
  filepath: undefined,
  configFilepath: undefined,
  ignoreCache: undefined,
  ssoStartUrl: undefined,
  ssoAccountId: undefined,
  ssoRegion: undefined,
  ssoRoleName: undefined,
  ssoSession: undefined,
  ssoClient: undefined,
  clientConfig: undefined,
  parentClientConfig: undefined,
  callerClientConfig: undefined,
  logger: undefined,
});

// The other packages' options too.
export const tokenExplicitUndefined: FromSsoInit = {
  profile: undefined,
  logger: undefined,
  refreshWindowMs: undefined,
};
export const loginExplicitUndefined: LoginOptions = {
  profile: undefined,
  prompt: undefined,
  signal: undefined,
};
export const emulatorExplicitUndefined: EmulatorOptions = { port: undefined, autoApprove: undefined };
