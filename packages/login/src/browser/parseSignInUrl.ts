import { escapeControlCharacters } from "@sso-kit/token-provider/internal";

/** Hosts an `http:` sign-in page may be on: this machine only (the emulator, a local proxy). */
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "[::1]", "localhost"]);

/**
 * A sign-in page's URL as it may be printed and handed to the browser, or `undefined` when it may not: it must
 * be an absolute `https:` URL (or `http:` on a loopback host), with no control character anywhere (the URL
 * parser would drop CR, LF and tab silently, so a raw one means a forged or broken value). Any user name and
 * password in it is removed: the URL is shown on the terminal and given to another program.
 */
export function parseSignInUrl(text: string): string | undefined {
  if (escapeControlCharacters(text) !== text) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  const loopback =
    url.protocol === "http:" && (LOOPBACK_HOSTS.has(url.hostname) || /^127\./.test(url.hostname));
  if (url.protocol !== "https:" && !loopback) return undefined;
  url.username = "";
  url.password = "";
  return url.href;
}
