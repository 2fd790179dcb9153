/** The two outcomes the loopback callback can show the user. */
export type CallbackOutcome = "signed-in" | "failed";

const TEXT: Record<CallbackOutcome, { title: string; body: string }> = {
  "signed-in": {
    title: "Signed in",
    body: "sso-kit received the authorization. You can close this tab and return to the terminal.",
  },
  failed: {
    title: "Sign-in failed",
    body: "sso-kit did not sign in. Return to the terminal for details, then start the login again.",
  },
};

/**
 * The small HTML page the loopback redirect answers with. Fixed text only: nothing from the request is
 * reflected into the page, so a crafted callback URL cannot inject markup.
 */
export function callbackPage(outcome: CallbackOutcome): string {
  const { title, body } = TEXT[outcome];
  return [
    "<!doctype html>",
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>sso-kit: ${title}</title>`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    "<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem}</style>",
    `</head><body><h1>${title}</h1><p>${body}</p></body></html>`,
    "",
  ].join("\n");
}
