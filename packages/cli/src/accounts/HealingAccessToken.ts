/**
 * The SSO access token of one portal listing (`ls`, `profiles generate`), healed once when the portal rejects it
 * although the cache calls it valid (the service revoked or shortened it): `refresh` gets a new one, the call that
 * was rejected runs again with it, and so do the calls after it. Concurrent calls rejected with the same token
 * share the one refresh; a new token that is rejected too is not refreshed again in this run (no loop).
 */
export class HealingAccessToken {
  private current: string;
  private healed: { from: string; to: Promise<string> } | undefined;
  private readonly used: string[];

  /**
   * @param accessToken - the token the cache gave.
   * @param refresh - refreshes `rejected` (an sso-session's token provider, with `forceRefresh`); `undefined` when
   *   the session cannot refresh (legacy profiles): a rejected token is then final.
   */
  constructor(
    accessToken: string,
    private readonly refresh: ((rejected: string) => Promise<string>) | undefined,
  ) {
    this.current = accessToken;
    this.used = [accessToken];
  }

  /** Every token this run used, the rejected one included: what a portal may quote back, for redaction. */
  get secrets(): readonly string[] {
    return this.used;
  }

  /**
   * Runs `call` with the current token, and once more with a refreshed one when the portal rejected it
   * (`UnauthorizedException`). What the calls throw goes through `describe` (the caller's portal error); what the
   * refresh throws (the token provider's error, whose `reason` says whether to sign in or try again) goes as it is.
   */
  async run<T>(
    call: (accessToken: string) => Promise<T>,
    describe: (error: unknown) => Promise<Error>,
  ): Promise<T> {
    const token = this.current;
    try {
      return await call(token);
    } catch (error) {
      const healing = this.heal(token, error);
      if (healing === undefined) throw await describe(error);
      const renewed = await healing;
      try {
        return await call(renewed);
      } catch (again) {
        throw await describe(again);
      }
    }
  }

  /** The refreshed token replacing `rejected`, or `undefined` when `error` is not a rejection this run can heal. */
  private heal(rejected: string, error: unknown): Promise<string> | undefined {
    const { name } = (typeof error === "object" && error !== null ? error : {}) as { name?: unknown };
    if (this.refresh === undefined || name !== "UnauthorizedException") return undefined;
    if (this.healed === undefined) {
      const to = this.refresh(rejected).then((renewed) => {
        this.used.push(renewed);
        this.current = renewed;
        return renewed;
      });
      this.healed = { from: rejected, to };
    }
    return this.healed.from === rejected ? this.healed.to : undefined;
  }
}
