import { readdir, unlink } from "node:fs/promises";
import path from "node:path";

import { LogoutCommand, SSOClient, type SSOClientConfig } from "@aws-sdk/client-sso";
import type { Logger } from "@smithy/types";
import {
  boundedRequestHandler,
  describeError,
  getHomeDir,
  readJsonFile,
  SsoTokenCache,
  withFileLock,
} from "@sso-kit/token-provider/internal";

import { LoginError } from "./LoginError.js";
import { abortedError } from "./oidc/toLoginError.js";

/** How long one SSO Logout call may take before it is given up (the local files are deleted anyway). */
const LOGOUT_CALL_TIMEOUT_MS = 10_000;

/** Options of {@link logout}. Every option is optional. */
export interface LogoutOptions {
  /**
   * Configuration of the SSO portal client used for the Logout calls (e.g. `endpoint`, `requestHandler`,
   * `logger`). `region` is each token's own. `AWS_ENDPOINT_URL_SSO` is honoured by the client.
   */
  clientConfig?: Omit<SSOClientConfig, "region"> | undefined;
  /** Cancels the sign-out calls; files not yet deleted stay. */
  signal?: AbortSignal | undefined;
  /** Where progress and ignored Logout failures are logged; never receives a token. */
  logger?: Logger | undefined;
}

/** What {@link logout} removed. */
export interface LogoutResult {
  /** Token files deleted from `~/.aws/sso/cache` (client registrations are kept). */
  tokenFiles: string[];
  /** How many of those tokens the service did not confirm signing out (the files are deleted anyway). */
  failedSignOuts: number;
  /** Role-credential files deleted from `~/.aws/cli/cache` (only those with `"ProviderType": "sso"`). */
  roleCredentialFiles: string[];
}

/**
 * Signs out everywhere, like `aws sso logout`: every token in `~/.aws/sso/cache` is revoked with the SSO
 * `Logout` call (a failure is logged and ignored: an expired or already revoked token is the usual cause)
 * and its file deleted; client registrations stay, so the next login reuses them. The role credentials
 * cached from SSO in `~/.aws/cli/cache` (files whose JSON has `"ProviderType": "sso"`) are deleted too;
 * other files there (e.g. assumed-role credentials) are left alone.
 *
 * @throws LoginError `Aborted` when `signal` fires, `CacheError` when a file cannot be deleted.
 */
export async function logout(options: LogoutOptions = {}): Promise<LogoutResult> {
  const { signal, logger } = options;
  if (signal?.aborted) throw abortedError(signal.reason);
  const cache = new SsoTokenCache({ ...(logger !== undefined && { logger }) });
  const clients = new Map<string, SSOClient>();
  const result: LogoutResult = { tokenFiles: [], failedSignOuts: 0, roleCredentialFiles: [] };
  try {
    for (const { path: file, token } of await cache.listTokenFiles()) {
      const expired = !(new Date(token.expiresAt).getTime() > Date.now());
      if (typeof token.region === "string" && token.region !== "") {
        let client = clients.get(token.region);
        if (!client) {
          client = new SSOClient({
            ...options.clientConfig,
            requestHandler: boundedRequestHandler(options.clientConfig?.requestHandler),
            region: token.region,
          });
          clients.set(token.region, client);
        }
        logger?.debug?.(
          `sso-kit logout: revoking the ${expired ? "expired " : ""}token in ${file} (SSO Logout in ${token.region})`,
        );
        const signedOut = await signOut(client, token.accessToken, file, expired, signal, logger);
        if (!signedOut) result.failedSignOuts++;
      } else {
        logger?.debug?.(`sso-kit logout: ${file} names no region; deleting it without a Logout call`);
        result.failedSignOuts++;
      }
      // Under the cache lock, so that a refresh in progress (in any process) finishes first and then finds
      // the token gone, instead of writing it back after the delete.
      await cache.deleteTokenFile(file).catch((error: unknown) => {
        throw cacheError(file, error, [token.accessToken, token.refreshToken, token.clientSecret]);
      });
      result.tokenFiles.push(file);
    }
  } finally {
    for (const client of clients.values()) client.destroy();
  }
  result.roleCredentialFiles = await removeSsoRoleCredentials(logger);
  logger?.info?.(
    `sso-kit logout: deleted ${result.tokenFiles.length} token file(s) and ${result.roleCredentialFiles.length} role-credential file(s)`,
  );
  return result;
}

async function signOut(
  client: SSOClient,
  accessToken: string,
  file: string,
  expired: boolean,
  signal: AbortSignal | undefined,
  logger: Logger | undefined,
): Promise<boolean> {
  const controller = new AbortController();
  const onAbort = (): void => controller.abort();
  signal?.addEventListener("abort", onAbort, { once: true });
  const timer = setTimeout(() => controller.abort(), LOGOUT_CALL_TIMEOUT_MS);
  try {
    await client.send(new LogoutCommand({ accessToken }), { abortSignal: controller.signal });
    return true;
  } catch (error) {
    if (signal?.aborted) throw abortedError(signal.reason);
    // Words for what happened rather than the error's name: the SDK names a reset connection `TimeoutError` (and our
    // own deadline an `AbortError`), which sends the user looking for the wrong cause.
    const reason = controller.signal.aborted
      ? `no reply within ${LOGOUT_CALL_TIMEOUT_MS / 1000} s`
      : describeError(error, [accessToken]);
    const line = `sso-kit logout: the Logout call for ${file} failed (${reason}); deleting the file anyway`;
    if (expired) logger?.debug?.(line);
    else logger?.warn?.(line);
    return false;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
  }
}

/** The AWS CLI's role-credential cache, where sso-kit's CLI caches role credentials too. */
function roleCredentialCacheDirectory(): string {
  return path.join(getHomeDir(), ".aws", "cli", "cache");
}

async function removeSsoRoleCredentials(logger: Logger | undefined): Promise<string[]> {
  const directory = roleCredentialCacheDirectory();
  let names: string[];
  try {
    names = await readdir(directory);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw cacheError(directory, error, []);
  }
  const removed: string[] = [];
  for (const name of names.filter((n) => n.endsWith(".json") && !n.startsWith(".")).sort()) {
    const file = path.join(directory, name);
    let json: Record<string, unknown> | undefined;
    try {
      json = await readJsonFile(file);
    } catch (error) {
      logger?.debug?.(`sso-kit logout: skipping ${file} (${describeError(error, [])})`);
      continue;
    }
    if (json?.ProviderType !== "sso") continue;
    // Under the file's lock, as the CLI writes it: a credential-process run fetching now cannot put it back after.
    await withFileLock(`${file}.lock`, () => remove(file)).catch((error: unknown) => {
      throw error instanceof LoginError ? error : cacheError(file, error, []);
    });
    removed.push(file);
  }
  return removed;
}

async function remove(file: string): Promise<void> {
  try {
    await unlink(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw cacheError(file, error, []);
  }
}

/** `secrets`: what the file held, should the error quote it. */
function cacheError(file: string, error: unknown, secrets: ReadonlyArray<string | undefined>): LoginError {
  const code = (error as NodeJS.ErrnoException).code;
  // Without an errno code (e.g. the cache lock stayed held), the error's own message says why.
  const reason = typeof code === "string" ? code : describeError(error, secrets);
  return new LoginError(
    "CacheError",
    `could not delete ${file} (${reason}); delete it by hand to finish signing out`,
    {
      cause: error,
    },
  );
}
