import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { RequestLog } from "./admin/RequestLog.js";
import { EmulatorClock } from "./clock/EmulatorClock.js";
import { expireAccessTokens } from "./controls/expireAccessTokens.js";
import { revokeAccessToken } from "./controls/revokeAccessToken.js";
import type { Emulator } from "./Emulator.js";
import type { EmulatorOptions } from "./EmulatorOptions.js";
import { FaultInjector } from "./faults/FaultInjector.js";
import { handleRequest } from "./http/handleRequest.js";
import { resolveEmulatorOptions } from "./options/resolveEmulatorOptions.js";
import { cachedToken } from "./seeding/cachedToken.js";
import { seedClient } from "./seeding/seedClient.js";
import { seedToken } from "./seeding/seedToken.js";
import { createEmulatorState } from "./state/EmulatorState.js";

/**
 * Starts an emulator of the AWS SSO portal, SSO-OIDC and STS on 127.0.0.1 that the real, unmodified AWS SDK v3
 * clients accept. Resolves once it listens.
 */
export const startEmulator = async (options?: EmulatorOptions): Promise<Emulator> => {
  const resolved = resolveEmulatorOptions(options);
  const clock = new EmulatorClock();
  const state = createEmulatorState(resolved, clock);
  const log = new RequestLog();
  const faults = new FaultInjector();
  const stopping = new AbortController();
  const reset = () => {
    log.reset();
    faults.clear();
    state.portalBucket?.refill();
  };
  const server = createServer((req, res) => {
    void handleRequest(req, res, { state, log, faults, stopping: stopping.signal, reset });
  });
  server.keepAliveTimeout = 5_000;
  await listen(server, resolved.port);
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  state.url = url;
  let stopped: Promise<void> | undefined;
  return {
    url,
    port,
    region: resolved.region,
    startUrl: resolved.startUrl,
    accounts: resolved.accounts,
    env: { AWS_ENDPOINT_URL_SSO: url, AWS_ENDPOINT_URL_SSO_OIDC: url, AWS_ENDPOINT_URL_STS: url },
    clock,
    faults,
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        stopping.abort();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return stopped;
    },
    stats: () => log.stats(),
    requestLog: () => log.entries(),
    reset,
    seedClient: (seedOptions) => seedClient(state, seedOptions),
    seedToken: (seedOptions) => seedToken(state, seedOptions),
    cachedToken: (seeded, cacheOptions) =>
      cachedToken(seeded, { startUrl: resolved.startUrl, region: resolved.region }, cacheOptions),
    revokeToken(accessToken) {
      state.tokens.revoke(accessToken);
    },
    revokeAccessToken: (accessToken) => revokeAccessToken(state, accessToken),
    expireAccessTokens: (expireOptions) => expireAccessTokens(state, expireOptions),
    issuedCredentials: () =>
      state.credentials.all().map(({ accessKeyId, accountId, roleName, expirationMs }) => ({
        accessKeyId,
        accountId,
        roleName,
        expiration: new Date(expirationMs),
      })),
  };
};

const listen = (server: Server, port: number): Promise<void> =>
  new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
