/** A GetRoleCredentials reply is under 2 KiB; one larger than this is not the portal's and is not read further. */
export const MAX_REPLY_BYTES = 1024 * 1024;

/** The error for a reply larger than {@link MAX_REPLY_BYTES}. */
export const replyTooLarge = (): Error =>
  Object.assign(new Error(`the reply is larger than ${MAX_REPLY_BYTES} bytes`), {
    name: "ReplyTooLargeError",
  });
