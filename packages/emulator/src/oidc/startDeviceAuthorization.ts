import { JsonFields } from "../http/JsonFields.js";
import { jsonReply, type Reply } from "../http/Reply.js";
import type { RequestContext } from "../http/RequestContext.js";
import type { EmulatorState } from "../state/EmulatorState.js";
import { randomChars, randomToken } from "../state/randomToken.js";
import { authenticateClient } from "./authenticateClient.js";
import { clientAllowsGrant, GRANT_TYPES } from "./grantTypes.js";
import { invalidOidcRequest } from "./invalidOidcRequest.js";
import { oidcError } from "./oidcError.js";

/** Consonants only, so that user codes never spell words and never mix up 0/O or 1/I. */
const USER_CODE_ALPHABET = "BCDFGHJKLMNPQRSTVWXZ";

/** Draws of a fresh user code before giving up; with 20^8 codes even one repeat is already unlikely. */
const USER_CODE_ATTEMPTS = 5;

/** `POST /device_authorization`: starts the device code flow (RFC 8628). */
export const startDeviceAuthorization = (ctx: RequestContext): Reply => {
  const fields = JsonFields.parse(ctx.body, invalidOidcRequest);
  const clientId = fields.requiredString("clientId");
  const clientSecret = fields.requiredString("clientSecret");
  const startUrl = fields.requiredString("startUrl");
  const { state } = ctx;
  const client = authenticateClient(state, clientId, clientSecret);
  if (!clientAllowsGrant(client.grantTypes, GRANT_TYPES.deviceCode)) {
    throw oidcError("UnauthorizedClientException", "The client is not registered for the device code grant.");
  }
  if (!/^https:\/\/[^\s/]+/.test(startUrl)) throw invalidOidcRequest("startUrl must be an https URL.");
  const { deviceCodeTtlSeconds, deviceCodeIntervalSeconds, autoApprove } = state.options;
  const userCode = newUserCode(state);
  const deviceCode = randomToken("emu-device-", 32);
  state.devices.add({
    deviceCode,
    userCode,
    clientId,
    scopes: client.scopes,
    expiresAtMs: state.clock.now() + deviceCodeTtlSeconds * 1000,
    intervalSeconds: deviceCodeIntervalSeconds,
    status: autoApprove ? "approved" : "pending",
  });
  return jsonReply({
    deviceCode,
    userCode,
    verificationUri: `${state.url}/device`,
    verificationUriComplete: `${state.url}/device?user_code=${userCode}`,
    expiresIn: deviceCodeTtlSeconds,
    interval: deviceCodeIntervalSeconds,
  });
};

const newUserCode = (state: EmulatorState): string => {
  for (let attempt = 0; attempt < USER_CODE_ATTEMPTS; attempt += 1) {
    const chars = randomChars(USER_CODE_ALPHABET, 8);
    const userCode = `${chars.slice(0, 4)}-${chars.slice(4)}`;
    if (!state.devices.hasUserCode(userCode)) return userCode;
  }
  throw oidcError(
    "InternalServerException",
    "No free user code was found; start the device authorization again.",
  );
};
