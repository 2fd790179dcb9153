import type { ListingProgress } from "./listAccountsAndRoles.js";

/** A progress line for {@link listAccountsAndRoles}: its message, and the callback that keeps the message current. */
export interface ListingProgressLine {
  /** `what`, then, once the accounts are known, how many have had their roles read: `what (120/1000 accounts)`. */
  readonly message: () => string;
  /** The listing's `onProgress`. */
  readonly onProgress: (progress: ListingProgress) => void;
}

/**
 * The progress line of a long listing: an organisation of 1,000 accounts takes about a minute at the portal's 20
 * requests a second, and a count tells the user the command is getting somewhere.
 */
export function listingProgress(what: string): ListingProgressLine {
  let last: ListingProgress | undefined;
  return {
    message: () => (last === undefined ? what : `${what} (${last.listed}/${last.accounts} accounts)`),
    onProgress: (progress) => {
      last = progress;
    },
  };
}
