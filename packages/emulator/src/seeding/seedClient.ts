import { REGISTRABLE_GRANT_TYPES } from "../oidc/grantTypes.js";
import type { EmulatorState } from "../state/EmulatorState.js";
import { randomToken } from "../state/randomToken.js";
import type { SeedClientOptions, SeededClient } from "./SeedTypes.js";

/** Registers a client as if RegisterClient had been called (see `Emulator.seedClient`). */
export const seedClient = (state: EmulatorState, options: SeedClientOptions = {}): SeededClient => {
  const now = state.clock.now();
  const expiresAtMs =
    dateMs(options.expiresAt, "expiresAt") ?? now + state.options.clientRegistrationTtlSeconds * 1000;
  const client = state.clients.add({
    clientId: nonEmpty(options.clientId, "clientId") ?? randomToken("emu-client-", 16),
    clientSecret: nonEmpty(options.clientSecret, "clientSecret") ?? randomToken("emu-secret-", 48),
    clientName: "seeded-client",
    scopes: stringList(options.scopes, "scopes") ?? ["sso:account:access"],
    grantTypes: stringList(options.grantTypes, "grantTypes") ?? [...REGISTRABLE_GRANT_TYPES],
    redirectUris: ["http://127.0.0.1/oauth/callback"],
    issuedAtMs: Math.min(now, expiresAtMs),
    expiresAtMs,
  });
  return {
    clientId: client.clientId,
    clientSecret: client.clientSecret,
    clientIdIssuedAt: Math.floor(client.issuedAtMs / 1000),
    clientSecretExpiresAt: Math.floor(client.expiresAtMs / 1000),
  };
};

/** Epoch ms of an optional Date option; a `TypeError` for anything but a valid Date. */
export const dateMs = (value: unknown, name: string): number | undefined => {
  if (value === undefined) return undefined;
  if (!(value instanceof Date) || Number.isNaN(value.getTime()))
    throw new TypeError(`${name} must be a valid Date`);
  return value.getTime();
};

/** An optional non-empty string option. */
export const nonEmpty = (value: unknown, name: string): string | undefined => {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || value === "") throw new TypeError(`${name} must be a non-empty string`);
  return value;
};

const stringList = (value: unknown, name: string): string[] | undefined => {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.some((item) => typeof item !== "string")) {
    throw new TypeError(`${name} must be an array of strings`);
  }
  return [...(value as string[])];
};
