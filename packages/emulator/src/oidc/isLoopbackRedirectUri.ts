const LOOPBACK_HOSTS = new Set(["127.0.0.1", "[::1]", "localhost"]);

/** Whether `uri` is an `http` loopback redirect URI (RFC 8252 section 7.3): any port, no fragment, no credentials. */
export const isLoopbackRedirectUri = (uri: string): boolean => {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return false;
  }
  return (
    url.protocol === "http:" &&
    LOOPBACK_HOSTS.has(url.hostname) &&
    url.username === "" &&
    url.password === "" &&
    url.hash === "" &&
    !uri.includes("#")
  );
};

/**
 * Whether a redirect URI given at /authorize fits a client's registration: loopback, and its path is one of the
 * registered redirect URIs' paths (ports are ignored, as RFC 8252 asks), or `/oauth/callback` when none is
 * registered.
 */
export const redirectUriMatchesRegistration = (uri: string, registered: readonly string[]): boolean => {
  if (!isLoopbackRedirectUri(uri)) return false;
  const given = new URL(uri);
  if (registered.length === 0) return given.pathname === "/oauth/callback";
  return registered.some((entry) => {
    if (!isLoopbackRedirectUri(entry)) return false;
    const allowed = new URL(entry);
    return allowed.hostname === given.hostname && allowed.pathname === given.pathname;
  });
};
