import { timingSafeEqual } from "node:crypto";
import type { EmulatorState } from "../state/EmulatorState.js";
import type { RegisteredClient } from "../state/RegisteredClient.js";
import { oidcError } from "./oidcError.js";

/**
 * The registration of `clientId` when `clientSecret` is its secret and it has not expired; InvalidClientException
 * otherwise (the message never repeats the secret).
 */
export const authenticateClient = (
  state: EmulatorState,
  clientId: string,
  clientSecret: string,
): RegisteredClient => {
  const client = state.clients.get(clientId);
  if (client === undefined || !sameSecret(client.clientSecret, clientSecret)) {
    throw oidcError(
      "InvalidClientException",
      "Client authentication failed: unknown client or wrong secret.",
    );
  }
  if (state.clock.now() >= client.expiresAtMs) {
    throw oidcError(
      "InvalidClientException",
      "The client registration has expired; register the client again.",
    );
  }
  return client;
};

const sameSecret = (expected: string, given: string): boolean => {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
};
