import {
  RegisterClientCommand,
  SSOOIDCClient,
  type RegisterClientCommandInput,
} from "@aws-sdk/client-sso-oidc";
import type { Emulator, EmulatorOptions } from "@sso-kit/emulator";

import { RecordingHandler, startLoginTestEnv, type LoginTestEnv } from "./loginTestEnv.js";

/** What {@link useRegisteredClient} gives a test once `start` has run. */
export interface RegisteredClient {
  readonly env: LoginTestEnv;
  readonly emu: Emulator;
  /** A real SSO-OIDC client on the emulator, sending through `handler`. */
  readonly oidc: SSOOIDCClient;
  /** Records the requests `oidc` sends. */
  readonly handler: RecordingHandler;
  /** The registration the test's flow uses. */
  readonly client: { clientId: string; clientSecret: string };
  /**
   * Starts a {@link LoginTestEnv} with `options`, registers the client through `oidc`, then resets the emulator
   * so that its counters and request log hold only what the test does.
   */
  start(options?: EmulatorOptions): Promise<void>;
  /** Replaces `oidc` by a client sending through `handler` (e.g. an `EchoingHandler`). */
  sendThrough(handler: RecordingHandler): void;
}

/**
 * For specs of a sign-in flow: a {@link RegisteredClient} registered with `registration(emu)`, started by each test
 * (`start`) and closed after it.
 */
export function useRegisteredClient(
  registration: (emu: Emulator) => RegisterClientCommandInput,
): RegisteredClient {
  let state: Omit<RegisteredClient, "start" | "sendThrough"> | undefined;
  const started = () => {
    if (state === undefined) throw new Error("call start() first");
    return state;
  };
  const clientOn = (emu: Emulator, handler: RecordingHandler) =>
    new SSOOIDCClient({ region: emu.region, endpoint: emu.url, requestHandler: handler });
  afterEach(async () => {
    const ended = state;
    state = undefined;
    ended?.oidc.destroy();
    await ended?.env.close();
  });
  return {
    get env() {
      return started().env;
    },
    get emu() {
      return started().emu;
    },
    get oidc() {
      return started().oidc;
    },
    get handler() {
      return started().handler;
    },
    get client() {
      return started().client;
    },
    async start(options = {}) {
      const env = await startLoginTestEnv(options);
      const handler = new RecordingHandler();
      const oidc = clientOn(env.emu, handler);
      // Kept before registering, so that afterEach closes them even when the registration fails.
      state = { env, emu: env.emu, oidc, handler, client: { clientId: "", clientSecret: "" } };
      const registered = await oidc.send(new RegisterClientCommand(registration(env.emu)));
      state = {
        ...state,
        client: { clientId: registered.clientId!, clientSecret: registered.clientSecret! },
      };
      env.emu.reset();
    },
    sendThrough(handler) {
      const current = started();
      current.oidc.destroy();
      state = { ...current, handler, oidc: clientOn(current.emu, handler) };
    },
  };
}
