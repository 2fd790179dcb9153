import { escapeHtml } from "./escapeHtml.js";
import { renderPage } from "./renderPage.js";

/** The HTML page shown for a request a browser page cannot serve (never a redirect). */
export const renderErrorPage = (error: string, description: string): string =>
  renderPage(
    "Request rejected",
    `<p id="error"><code>${escapeHtml(error)}</code></p>\n<p id="error_description">${escapeHtml(description)}</p>`,
  );
