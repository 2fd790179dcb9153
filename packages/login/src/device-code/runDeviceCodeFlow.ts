import {
  CreateTokenCommand,
  StartDeviceAuthorizationCommand,
  type SSOOIDCClient,
} from "@aws-sdk/client-sso-oidc";
import type { Logger } from "@smithy/types";

import type { BrowserOpener } from "../browser/platformBrowserOpener.js";
import { openInBrowser } from "../browser/openInBrowser.js";
import { LoginError } from "../LoginError.js";
import type { LoginPrompt } from "../LoginOptions.js";
import { parseIssuedToken, type IssuedToken } from "../oidc/parseIssuedToken.js";
import { AUTHORIZATION_EXPIRED_MESSAGE, abortedError, toLoginError } from "../oidc/toLoginError.js";
import { abortableSleep } from "../wait/abortableSleep.js";
import { describeDuration } from "../wait/describeDuration.js";

/** RFC 8628 §3.5: the polling interval when the service gives none, and what `slow_down` adds. */
const DEFAULT_INTERVAL_SECONDS = 5;
const SLOW_DOWN_SECONDS = 5;

/** What {@link runDeviceCodeFlow} needs. */
export interface DeviceCodeFlowOptions {
  /** The SSO-OIDC client for the session's region. */
  oidc: SSOOIDCClient;
  /** The registered client. */
  client: { clientId: string; clientSecret: string };
  /** The start URL to sign in to. */
  startUrl: string;
  /** Shows the user the verification page and code. */
  prompt: (prompt: LoginPrompt) => Promise<void>;
  /** Opens the verification page, when there is a browser to open. */
  openBrowser?: BrowserOpener;
  /** Upper bound on the wait for approval, in milliseconds (the device code's own expiry also applies). */
  timeoutMs: number;
  /** Cancels the flow. */
  signal?: AbortSignal;
  /** Progress messages. */
  logger?: Logger;
  /**
   * Secrets of earlier attempts of the same login (a rejected client registration's secret), kept out of this
   * flow's errors like the ones it sends.
   */
  formerSecrets?: readonly string[];
}

type Attempt = { kind: "token"; token: IssuedToken } | { kind: "pending" } | { kind: "slow-down" };

/**
 * Device authorization grant (RFC 8628) as the AWS CLI runs it: StartDeviceAuthorization, one CreateToken
 * attempt before prompting (a pre-approved client needs no prompt), then polling every `interval` seconds
 * (5 by default, +5 after each SlowDownException) while the service answers AuthorizationPendingException.
 * Any other answer ends the login. The loop always ends: at the device code's expiry, at `timeoutMs`, or on
 * abort.
 */
export async function runDeviceCodeFlow(options: DeviceCodeFlowOptions): Promise<IssuedToken> {
  const { oidc, client, startUrl, signal, logger, formerSecrets = [] } = options;
  let started;
  try {
    started = await oidc.send(
      new StartDeviceAuthorizationCommand({
        clientId: client.clientId,
        clientSecret: client.clientSecret,
        startUrl,
      }),
      { abortSignal: signal },
    );
  } catch (error) {
    throw toLoginError(error, "StartDeviceAuthorization", [...formerSecrets, client.clientSecret]);
  }
  const { deviceCode, userCode, verificationUri, verificationUriComplete, expiresIn } = started;
  if (!deviceCode || !userCode || !verificationUri || typeof expiresIn !== "number" || !(expiresIn > 0)) {
    throw new LoginError(
      "InvalidResponse",
      "IAM Identity Center's StartDeviceAuthorization reply is incomplete (deviceCode, userCode, verificationUri or expiresIn missing); start the login again",
    );
  }
  const now = Date.now();
  const codeExpiresAt = now + expiresIn * 1000;
  const waitEnd = Math.min(codeExpiresAt, now + options.timeoutMs);
  let intervalSeconds =
    typeof started.interval === "number" && started.interval > 0
      ? started.interval
      : DEFAULT_INTERVAL_SECONDS;

  const attempt = async (): Promise<Attempt> => {
    try {
      const output = await oidc.send(
        new CreateTokenCommand({
          clientId: client.clientId,
          clientSecret: client.clientSecret,
          grantType: "urn:ietf:params:oauth:grant-type:device_code",
          deviceCode,
        }),
        { abortSignal: signal },
      );
      return { kind: "token", token: parseIssuedToken(output) };
    } catch (error) {
      const name = (error as { name?: unknown }).name;
      if (name === "AuthorizationPendingException") return { kind: "pending" };
      if (name === "SlowDownException") return { kind: "slow-down" };
      throw toLoginError(error, "CreateToken", [...formerSecrets, client.clientSecret, deviceCode]);
    }
  };
  const onAttempt = (result: Attempt): IssuedToken | undefined => {
    if (result.kind === "token") return result.token;
    if (result.kind === "slow-down") {
      intervalSeconds += SLOW_DOWN_SECONDS;
      logger?.debug?.(`sso-kit login: asked to slow down; polling every ${intervalSeconds} s`);
    }
    return undefined;
  };

  const early = onAttempt(await attempt());
  if (early) return early;

  const url = verificationUriComplete || verificationUri;
  await options.prompt({
    flow: "device",
    url,
    userCode,
    verificationUri,
    expiresAt: new Date(waitEnd),
    openingBrowser: options.openBrowser !== undefined,
  });
  await openInBrowser(options.openBrowser, url, logger);
  logger?.debug?.(
    `sso-kit login: waiting for approval of code ${userCode}; polling every ${intervalSeconds} s`,
  );

  for (;;) {
    const remaining = waitEnd - Date.now();
    if (remaining <= 0) {
      throw waitEnd === codeExpiresAt
        ? new LoginError("AuthorizationExpired", AUTHORIZATION_EXPIRED_MESSAGE)
        : new LoginError(
            "Timeout",
            `nobody approved code ${userCode} within ${describeDuration(options.timeoutMs)}; start the login again`,
          );
    }
    try {
      await abortableSleep(Math.min(intervalSeconds * 1000, remaining), signal);
    } catch (reason) {
      throw abortedError(reason);
    }
    if (Date.now() >= waitEnd) continue;
    const token = onAttempt(await attempt());
    if (token) return token;
  }
}
