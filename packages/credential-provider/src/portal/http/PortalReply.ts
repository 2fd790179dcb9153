/** A complete HTTP reply of the portal, read within the size bound. */
export interface PortalReply {
  /** The HTTP status. */
  readonly status: number;
  /** The headers, names in lower case (as Node gives them). */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The whole body (it may hold credentials: never quoted). */
  readonly body: Buffer;
}
