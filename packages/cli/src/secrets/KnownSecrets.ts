/**
 * The secrets one `sso-kit` run has come to hold (the SSO access token it read, the role credentials it fetched
 * or read from the cache), collected as the command goes, so that every error message and log line it prints can
 * be passed through `@sso-kit/token-provider`'s value-based `redactSecrets` / `describeError` with them.
 */
export class KnownSecrets {
  readonly #values = new Set<string>();

  /** Remembers each of `secrets`; `undefined` entries are skipped. */
  add(...secrets: ReadonlyArray<string | undefined>): void {
    for (const secret of secrets) if (secret !== undefined) this.#values.add(secret);
  }

  /** Every secret remembered so far. */
  values(): string[] {
    return [...this.#values];
  }
}
