import { escapeHtml } from "./escapeHtml.js";

/**
 * Wraps page content (already escaped HTML) in the emulator's minimal document. No scripts: the pages work as
 * plain forms in a real browser and in a test that posts the form with `fetch`.
 */
export const renderPage = (title: string, bodyHtml: string): string =>
  [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    "<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem}" +
      "button{font-size:1rem;padding:.5rem 1.5rem;margin-right:1rem}code{font-size:1.1rem}</style>",
    "</head>",
    "<body>",
    `<h1>${escapeHtml(title)}</h1>`,
    bodyHtml,
    "<p><small>sso-kit emulator: a local stand-in for AWS IAM Identity Center.</small></p>",
    "</body>",
    "</html>",
  ].join("\n");
