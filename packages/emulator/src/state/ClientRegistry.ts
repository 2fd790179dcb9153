import type { RegisteredClient } from "./RegisteredClient.js";

/** The client registrations the emulator knows, by client id. */
export class ClientRegistry {
  readonly #clients = new Map<string, RegisteredClient>();

  /** Stores (or replaces) a registration. */
  add(client: RegisteredClient): RegisteredClient {
    this.#clients.set(client.clientId, client);
    return client;
  }

  /** The registration of `clientId`, if any. */
  get(clientId: string): RegisteredClient | undefined {
    return this.#clients.get(clientId);
  }
}
