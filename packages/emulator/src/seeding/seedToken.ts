import type { EmulatorState } from "../state/EmulatorState.js";
import { randomToken } from "../state/randomToken.js";
import { dateMs, nonEmpty, seedClient } from "./seedClient.js";
import type { SeededToken, SeedTokenOptions } from "./SeedTypes.js";

/** Makes a token the emulator accepts as if it had issued it (see `Emulator.seedToken`). */
export const seedToken = (state: EmulatorState, options: SeedTokenOptions = {}): SeededToken => {
  const clientId = nonEmpty(options.clientId, "clientId");
  let client = clientId === undefined ? undefined : state.clients.get(clientId);
  if (client === undefined) {
    const registrationExpiresAt = dateMs(options.registrationExpiresAt, "registrationExpiresAt");
    const seeded = seedClient(state, {
      ...(clientId === undefined ? {} : { clientId }),
      ...(options.clientSecret === undefined ? {} : { clientSecret: options.clientSecret }),
      ...(registrationExpiresAt === undefined ? {} : { expiresAt: new Date(registrationExpiresAt) }),
    });
    client = state.clients.get(seeded.clientId);
    if (client === undefined) throw new Error("seedClient did not register the client");
  }
  if (options.refreshToken !== undefined && options.refreshToken !== false)
    nonEmpty(options.refreshToken, "refreshToken");
  const accessToken = nonEmpty(options.accessToken, "accessToken") ?? randomToken("emu-at-", 48);
  const expiresAtMs =
    dateMs(options.expiresAt, "expiresAt") ??
    Math.floor((state.clock.now() + state.options.accessTokenTtlSeconds * 1000) / 1000) * 1000;
  const refreshToken =
    options.refreshToken === false ? undefined : (options.refreshToken ?? randomToken("emu-rt-", 48));
  if (refreshToken !== undefined) {
    state.tokens.addRefresh({
      refreshToken,
      clientId: client.clientId,
      scopes: client.scopes,
      viaIam: false,
      retired: false,
    });
  }
  state.tokens.addAccess({
    accessToken,
    clientId: client.clientId,
    scopes: client.scopes,
    expiresAtMs,
    ...(refreshToken === undefined ? {} : { refreshToken }),
    revoked: false,
  });
  return {
    accessToken,
    ...(refreshToken === undefined ? {} : { refreshToken }),
    expiresAt: new Date(expiresAtMs),
    clientId: client.clientId,
    clientSecret: client.clientSecret,
    registrationExpiresAt: new Date(client.expiresAtMs),
  };
};
