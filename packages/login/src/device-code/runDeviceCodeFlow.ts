import { setTimeout as sleep } from "node:timers/promises";

import { CreateTokenCommand, StartDeviceAuthorizationCommand } from "@aws-sdk/client-sso-oidc";

import { openInBrowser } from "../browser/openInBrowser.js";
import { LoginError } from "../LoginError.js";
import { nameOidcEndpoint } from "../oidc/nameOidcEndpoint.js";
import { parseIssuedToken, type IssuedToken } from "../oidc/parseIssuedToken.js";
import type { SignInFlowOptions } from "../oidc/SignInFlowOptions.js";
import { AUTHORIZATION_EXPIRED_MESSAGE, abortedError, toLoginError } from "../oidc/toLoginError.js";
import { describeDuration } from "../wait/describeDuration.js";
import { parseDeviceAuthorization } from "./parseDeviceAuthorization.js";

/** RFC 8628 §3.5: the polling interval when the service gives none, and what `slow_down` adds. */
const DEFAULT_INTERVAL_SECONDS = 5;
const SLOW_DOWN_SECONDS = 5;

/**
 * What {@link runDeviceCodeFlow} needs: the common options (`timeoutMs` bounds the wait for approval; the device
 * code's own expiry also applies).
 */
export interface DeviceCodeFlowOptions extends SignInFlowOptions {
  /** The start URL to sign in to. */
  startUrl: string;
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
    throw await toLoginError(
      error,
      "StartDeviceAuthorization",
      [...formerSecrets, client.clientSecret],
      oidc,
    );
  }
  const { deviceCode, userCode, verificationUri, verificationUriComplete, expiresIn, interval } =
    parseDeviceAuthorization(started, await nameOidcEndpoint(oidc));
  const now = Date.now();
  const codeExpiresAt = now + expiresIn * 1000;
  const waitEnd = Math.min(codeExpiresAt, now + options.timeoutMs);
  let intervalSeconds = interval ?? DEFAULT_INTERVAL_SECONDS;

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
      throw await toLoginError(
        error,
        "CreateToken",
        [...formerSecrets, client.clientSecret, deviceCode],
        oidc,
      );
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
      await sleep(Math.min(intervalSeconds * 1000, remaining), undefined, { signal });
    } catch (reason) {
      throw abortedError(reason);
    }
    if (Date.now() >= waitEnd) continue;
    const token = onAttempt(await attempt());
    if (token) return token;
  }
}
