/**
 * One GetRoleCredentials call, whatever carries it: the SDK's `SSOClient` ({@link sdkPortalTransport}) or the
 * lean `node:http(s)` transport (`httpPortalTransport`). It resolves to the reply (validated afterwards by
 * `parseRoleCredentials`) or rejects with an error `toPortalError` reads: both transports throw the same shapes
 * (`name`, `code`, `$metadata.httpStatusCode` / `attempts`), so there is one error vocabulary after the call.
 */
export type PortalTransport = (accountId: string, roleName: string, accessToken: string) => Promise<unknown>;
