import { escapeHtml } from "./escapeHtml.js";
import { renderPage } from "./renderPage.js";

/** `GET /device` without a code: a form to type the user code. */
export const renderUserCodeForm = (): string =>
  renderPage(
    "Authorize a device",
    [
      '<form method="get" action="/device">',
      '<label for="user_code">Code shown by your application</label>',
      '<input id="user_code" name="user_code" autocomplete="off" autofocus required pattern="[A-Za-z]{4}-?[A-Za-z]{4}">',
      '<button type="submit" id="submit">Next</button>',
      "</form>",
    ].join("\n"),
  );

/** The verification page of one pending user code, with Allow / Deny buttons (ids `allow` / `deny`). */
export const renderDeviceConsentPage = (view: {
  userCode: string;
  clientName: string;
  requestId: string;
}): string =>
  renderPage(
    "Authorize a device",
    [
      `<p>The application <strong id="client-name">${escapeHtml(view.clientName)}</strong> asks to access your AWS accounts.</p>`,
      `<p>Check that it shows the code <code id="user-code">${escapeHtml(view.userCode)}</code>.</p>`,
      '<form method="post" action="/device">',
      `<input type="hidden" name="request_id" value="${escapeHtml(view.requestId)}">`,
      '<button type="submit" id="allow" name="decision" value="allow">Allow</button>',
      '<button type="submit" id="deny" name="decision" value="deny">Deny</button>',
      "</form>",
    ].join("\n"),
  );

/** The page after the user answered. */
export const renderDeviceResultPage = (approved: boolean): string =>
  renderPage(
    approved ? "Request approved" : "Request denied",
    approved
      ? '<p id="result" data-result="approved">The device was authorized. You can close this window.</p>'
      : '<p id="result" data-result="denied">The request was denied. You can close this window.</p>',
  );
