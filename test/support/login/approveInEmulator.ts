/**
 * Plays the user on the emulator's pages without a browser: opens the page and clicks Allow or Deny on its form
 * (through the one form-submitting helper the emulator's tests use too).
 */
import { clickButton } from "../emulator/browser.js";

/** What the consent page showed. */
export interface ConsentPage {
  clientName: string;
  scopes: string[];
}

function consentPageOf(html: string): ConsentPage {
  return {
    clientName: /id="client-name">([^<]*)</.exec(html)?.[1] ?? "",
    scopes: Array.from(html.matchAll(/<li><code>([^<]*)<\/code><\/li>/g), (m) => m[1] ?? ""),
  };
}

/** Opens `url` and clicks the `decision` button of its form; the page's HTML and the answer (not followed). */
async function answerPage(
  url: string,
  decision: "allow" | "deny",
): Promise<{ page: ConsentPage; answer: Response }> {
  const html = await (await fetch(url)).text();
  return { page: consentPageOf(html), answer: await clickButton(url, html, decision) };
}

/**
 * Answers the consent page of an authorize URL, then follows the emulator's redirect to the loopback
 * server as a browser would. Returns the consent page and the loopback server's response.
 */
export async function answerAuthorizeUrl(
  authorizeUrl: string,
  decision: "allow" | "deny",
): Promise<{ page: ConsentPage; callback: Response }> {
  const { page, answer } = await answerPage(authorizeUrl, decision);
  const location = answer.headers.get("location");
  if (answer.status !== 303 || !location) throw new Error(`expected a redirect, got ${answer.status}`);
  return { page, callback: await fetch(location) };
}

/** Answers the verification page of a device code (`verificationUriComplete`). */
export async function answerDevicePage(
  verificationUriComplete: string,
  decision: "allow" | "deny",
): Promise<{ page: ConsentPage; result: string }> {
  const { page, answer } = await answerPage(verificationUriComplete, decision);
  return { page, result: await answer.text() };
}
