/**
 * Credentials are refreshed this long before they expire: the window the SDK clients' identity memoization uses,
 * so a client never holds credentials it considers expired while this provider still hands them out.
 */
export const REFRESH_WINDOW_MS = 5 * 60_000;
