import { escapeHtml } from "./escapeHtml.js";
import { renderPage } from "./renderPage.js";

/**
 * The consent page of `/authorize`: who asks, for which scopes, and one form whose Allow / Deny buttons (ids
 * `allow` / `deny`) post the per-request id back to the emulator.
 */
export const renderConsentPage = (view: {
  clientName: string;
  scopes: string[];
  requestId: string;
}): string => {
  const scopes =
    view.scopes.length === 0
      ? "<p>No scopes requested.</p>"
      : `<ul id="scopes">${view.scopes.map((scope) => `<li><code>${escapeHtml(scope)}</code></li>`).join("")}</ul>`;
  return renderPage(
    "Allow access?",
    [
      `<p>The application <strong id="client-name">${escapeHtml(view.clientName)}</strong> asks to access your AWS accounts.</p>`,
      scopes,
      '<form method="post" action="/authorize">',
      `<input type="hidden" name="request_id" value="${escapeHtml(view.requestId)}">`,
      '<button type="submit" id="allow" name="decision" value="allow">Allow</button>',
      '<button type="submit" id="deny" name="decision" value="deny">Deny</button>',
      "</form>",
    ].join("\n"),
  );
};
