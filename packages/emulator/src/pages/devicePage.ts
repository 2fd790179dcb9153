import { htmlReply, type Reply } from "../http/Reply.js";
import type { RequestContext } from "../http/RequestContext.js";
import { randomToken } from "../state/randomToken.js";
import { pageError } from "./pageError.js";
import { readForm } from "./readForm.js";
import { renderDeviceConsentPage, renderDeviceResultPage, renderUserCodeForm } from "./renderDevicePages.js";

/**
 * `GET /device[?user_code=XXXX-XXXX]`: the device verification page. Without a code it asks for one; with a
 * pending code it shows Allow / Deny.
 */
export const showDevicePage = (ctx: RequestContext): Reply => {
  const userCode = ctx.query.get("user_code");
  if (userCode === null || userCode.trim() === "") return htmlReply(renderUserCodeForm());
  const { state } = ctx;
  const authorization = state.devices.byUserCode(userCode);
  if (authorization === undefined)
    throw pageError("invalid_user_code", "This code is not valid. Check it and try again.");
  if (state.clock.now() >= authorization.expiresAtMs) {
    throw pageError("expired_user_code", "This code has expired. Start the sign-in again.");
  }
  if (authorization.status !== "pending") {
    throw pageError("already_answered", "This code was already approved or denied.");
  }
  const requestId = randomToken("", 24);
  state.deviceConsents.put(requestId, authorization.userCode);
  const clientName = state.clients.get(authorization.clientId)?.clientName ?? authorization.clientId;
  return htmlReply(renderDeviceConsentPage({ userCode: authorization.userCode, clientName, requestId }));
};

/** `POST /device`: the user's Allow or Deny for the code of a verification page. */
export const answerDevicePage = (ctx: RequestContext): Reply => {
  const form = readForm(ctx);
  const decision = form.get("decision");
  if (decision !== "allow" && decision !== "deny")
    throw pageError("invalid_request", "Choose Allow or Deny.");
  const { state } = ctx;
  const requestId = form.get("request_id") ?? "";
  const userCode = state.deviceConsents.take(requestId);
  const authorization = userCode === undefined ? undefined : state.devices.byUserCode(userCode);
  if (authorization === undefined || authorization.status !== "pending") {
    throw pageError(
      "invalid_request",
      "This request is unknown or was already answered. Open the link again.",
    );
  }
  if (state.clock.now() >= authorization.expiresAtMs) {
    throw pageError("expired_user_code", "This code has expired. Start the sign-in again.");
  }
  authorization.status = decision === "allow" ? "approved" : "denied";
  return htmlReply(renderDeviceResultPage(decision === "allow"));
};
