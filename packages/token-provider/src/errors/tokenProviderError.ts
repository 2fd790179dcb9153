import type * as PropertyProvider from "@smithy/property-provider";
import type { TokenProviderError } from "@smithy/property-provider";
import type { Logger } from "@smithy/types";

/** Options of {@link tokenProviderError}. */
export interface TokenProviderErrorOptions {
  /** Whether a provider chain may try its next provider. */
  tryNextLink: boolean;
  /** Receives the message at debug level, as every `ProviderError` does. */
  logger?: Logger | undefined;
  /** The underlying error. */
  cause?: unknown;
  /**
   * The command that signs the user in again, when that is the fix (as on the credential provider's errors):
   * callers branch on it instead of reading the message.
   */
  signInCommand?: string | undefined;
}

/** A `TokenProviderError`, with the sign-in command when signing in again is the fix. */
export type SsoTokenProviderError = TokenProviderError & { signInCommand?: string };

/**
 * `@smithy/property-provider`, loaded with the first error. Loading it costs a program more (about 15 ms: it brings
 * `@smithy/core`'s config, client and schema modules) than all of sso-kit's own start, and a program that gets its
 * token never needs it.
 */
export const loadProviderErrors = (): Promise<typeof PropertyProvider> => import("@smithy/property-provider");

/**
 * The error every sso-kit token path throws: a `TokenProviderError` of `@smithy/property-provider`, as every SDK
 * token provider throws, so chains and callers written for those keep working. Asynchronous because its class is
 * loaded on first use (see {@link loadProviderErrors}): `throw await tokenProviderError(...)`.
 */
export const tokenProviderError = async (
  message: string,
  { tryNextLink, logger, cause, signInCommand }: TokenProviderErrorOptions,
): Promise<SsoTokenProviderError> => {
  const { TokenProviderError } = await loadProviderErrors();
  const error: SsoTokenProviderError = new TokenProviderError(message, { tryNextLink, logger });
  if (cause !== undefined) error.cause = cause;
  if (signInCommand !== undefined) error.signInCommand = signInCommand;
  return error;
};
