/**
 * Plays the user on the emulator's pages without a browser: fetches the page, reads the per-request id from
 * its form and posts the decision, as the page's Allow / Deny buttons do.
 */

function requestIdOf(html: string): string {
  const match = /name="request_id" value="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error(`no consent form in the page:\n${html.slice(0, 500)}`);
  return match[1];
}

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

/**
 * Answers the consent page of an authorize URL, then follows the emulator's redirect to the loopback
 * server as a browser would. Returns the consent page and the loopback server's response.
 */
export async function answerAuthorizeUrl(
  authorizeUrl: string,
  decision: "allow" | "deny",
): Promise<{ page: ConsentPage; callback: Response }> {
  const html = await (await fetch(authorizeUrl)).text();
  const form = new URLSearchParams({ request_id: requestIdOf(html), decision });
  const answer = await fetch(new URL("/authorize", authorizeUrl), {
    method: "POST",
    body: form,
    redirect: "manual",
  });
  const location = answer.headers.get("location");
  if (answer.status !== 303 || !location) throw new Error(`expected a redirect, got ${answer.status}`);
  return { page: consentPageOf(html), callback: await fetch(location) };
}

/** Answers the verification page of a device code (`verificationUriComplete`). */
export async function answerDevicePage(
  verificationUriComplete: string,
  decision: "allow" | "deny",
): Promise<{ page: ConsentPage; result: string }> {
  const html = await (await fetch(verificationUriComplete)).text();
  const form = new URLSearchParams({ request_id: requestIdOf(html), decision });
  const answer = await fetch(new URL("/device", verificationUriComplete), { method: "POST", body: form });
  return { page: consentPageOf(html), result: await answer.text() };
}
