/** A complete HTTP answer, built by a handler and written by the server. */
export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A 200 (or `status`) reply with a JSON body. */
export const jsonReply = (value: unknown, status = 200): Reply => ({
  status,
  headers: { "content-type": "application/json" },
  body: JSON.stringify(value),
});

/**
 * An HTML page reply; pages never get cached, framed or run scripts. No `form-action` directive: browsers apply
 * it to the redirect a form post ends in, which goes to the client's loopback redirect URI.
 */
export const htmlReply = (html: string, status = 200): Reply => ({
  status,
  headers: {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
    "x-frame-options": "DENY",
    "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
  },
  body: html,
});

/** A 303 See Other to `location`. */
export const redirectReply = (location: string): Reply => ({
  status: 303,
  headers: { location, "cache-control": "no-store" },
  body: "",
});
