/** The `Action` of an awsQuery form body; `undefined` when it has none. */
export const stsActionOf = (body: Buffer): string | undefined =>
  new URLSearchParams(body.toString("utf8")).get("Action") ?? undefined;
