import { randomBytes } from "node:crypto";
import type { EmulatorClock } from "../clock/EmulatorClock.js";
import type { ResolvedEmulatorOptions } from "../options/ResolvedEmulatorOptions.js";
import type { AuthorizationRequest } from "./AuthorizationRequest.js";
import { ClientRegistry } from "./ClientRegistry.js";
import { CredentialStore } from "./CredentialStore.js";
import { DeviceAuthorizationStore } from "./DeviceAuthorizationStore.js";
import { SingleUseStore } from "./SingleUseStore.js";
import { TokenBucket } from "./TokenBucket.js";
import { TokenStore } from "./TokenStore.js";

/** Everything the emulator remembers between requests. */
export interface EmulatorState {
  readonly options: ResolvedEmulatorOptions;
  readonly clock: EmulatorClock;
  /** Base URL of the listening server (set once it listens). */
  url: string;
  readonly clients: ClientRegistry;
  readonly tokens: TokenStore;
  readonly devices: DeviceAuthorizationStore;
  /** Pending consent pages, keyed by their per-request id. */
  readonly consentRequests: SingleUseStore<AuthorizationRequest>;
  /** Authorization codes granted at /authorize. */
  readonly authorizationCodes: SingleUseStore<AuthorizationRequest>;
  readonly credentials: CredentialStore;
  /** Pending device verification pages: per-request id to the user code they show. */
  readonly deviceConsents: SingleUseStore<string>;
  /** Key that authenticates pagination tokens, so they stay opaque and tamper-evident. */
  readonly pageTokenKey: Buffer;
  /** The portal's rate limit; `undefined` when the portal is not throttled. */
  readonly portalBucket: TokenBucket | undefined;
}

/** Fresh, empty state. */
export const createEmulatorState = (
  options: ResolvedEmulatorOptions,
  clock: EmulatorClock,
): EmulatorState => ({
  options,
  clock,
  url: "",
  clients: new ClientRegistry(),
  tokens: new TokenStore(),
  devices: new DeviceAuthorizationStore(),
  consentRequests: new SingleUseStore(),
  authorizationCodes: new SingleUseStore(),
  credentials: new CredentialStore(),
  deviceConsents: new SingleUseStore(),
  pageTokenKey: randomBytes(32),
  portalBucket:
    options.portalRateLimit === undefined
      ? undefined
      : new TokenBucket(options.portalRateLimit.requestsPerSecond, options.portalRateLimit.burst, () =>
          clock.now(),
        ),
});
