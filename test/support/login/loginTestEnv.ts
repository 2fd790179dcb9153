import { NodeHttpHandler } from "@smithy/node-http-handler";
import type { HttpHandlerOptions } from "@smithy/types";
import type { Emulator, EmulatorOptions, OperationName } from "@sso-kit/emulator";

import { startSsoSandbox, type SsoSandbox } from "../startSsoSandbox.js";
import type { LoginPrompt } from "../../../packages/login/src/LoginOptions.js";

/** A request the SDK client sent, as recorded by {@link RecordingHandler}. */
export interface RecordedRequest {
  path: string;
  body: Record<string, unknown>;
}

type HttpRequest = Parameters<NodeHttpHandler["handle"]>[0];

/** A request's JSON body. */
function jsonBody(request: HttpRequest): Record<string, unknown> {
  const raw: unknown = request.body;
  const text =
    typeof raw === "string" ? raw : raw instanceof Uint8Array ? new TextDecoder().decode(raw) : undefined;
  if (raw !== undefined && raw !== null && text === undefined)
    throw new Error("unexpected request body type");
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

/** The SDK's own HTTP handler, recording each JSON request body before sending it for real. */
export class RecordingHandler extends NodeHttpHandler {
  readonly requests: RecordedRequest[] = [];

  override async handle(
    request: HttpRequest,
    options?: HttpHandlerOptions,
  ): ReturnType<NodeHttpHandler["handle"]> {
    this.requests.push({ path: request.path, body: jsonBody(request) });
    return super.handle(request, options);
  }

  /** The bodies sent to `path`, e.g. `/client/register`. */
  bodies(path: string): Record<string, unknown>[] {
    return this.requests.filter((r) => r.path === path).map((r) => r.body);
  }
}

/** What {@link EchoingHandler} makes the emulator answer. */
export interface EchoFault {
  /** The operation whose request is echoed, e.g. `CreateToken`. */
  operation: OperationName;
  /** Its request path, e.g. `/token`. */
  path: string;
  /** The exception the emulator answers with, e.g. `InvalidGrantException`. */
  exception: string;
}

/**
 * A service that quotes the request back, as some services and proxies do: before a request to `echo.path` is
 * sent, the emulator is told to answer it with `echo.exception`, whose message repeats every string the request
 * body holds (client secret, device code, authorization code, code verifier, ...). Records requests as
 * {@link RecordingHandler} does.
 */
export class EchoingHandler extends RecordingHandler {
  constructor(
    private readonly emu: Emulator,
    private readonly echo: EchoFault,
  ) {
    super();
  }

  override async handle(
    request: HttpRequest,
    options?: HttpHandlerOptions,
  ): ReturnType<NodeHttpHandler["handle"]> {
    if (request.path === this.echo.path) {
      const quoted = Object.entries(jsonBody(request))
        .filter((entry): entry is [string, string] => typeof entry[1] === "string")
        .map(([, value]) => value);
      this.emu.faults.add({
        operation: this.echo.operation,
        times: 1,
        exception: this.echo.exception,
        message: `rejected request: ${quoted.join(" ")}`,
      });
    }
    return super.handle(request, options);
  }
}

/** A {@link SsoSandbox} for sign-in specs, with a prompt callback that records what it is shown. */
export interface LoginTestEnv extends SsoSandbox {
  /** Prompts seen by `prompt`, a prompt callback that records and shows nothing. */
  prompts: LoginPrompt[];
  prompt: (prompt: LoginPrompt) => void;
}

/** The default config: sso-session `emu`, profile `dev` using it, and a legacy profile `legacy`. */
export function defaultConfig(emu: Emulator): string {
  return [
    "[profile dev]",
    "sso_session = emu",
    "sso_account_id = 111111111111",
    "sso_role_name = ReadOnly",
    "",
    "[sso-session emu]",
    `sso_start_url = ${emu.startUrl}`,
    `sso_region = ${emu.region}`,
    "",
    "[profile legacy]",
    `sso_start_url = ${emu.startUrl}`,
    `sso_region = ${emu.region}`,
    "sso_account_id = 111111111111",
    "sso_role_name = ReadOnly",
    "",
  ].join("\n");
}

/**
 * Starts an emulator (`options`, device code polled every second) and enters a temporary HOME whose
 * `~/.aws/config` holds {@link defaultConfig}, with the SDK's endpoints pointing at the emulator; `close()`
 * undoes all of it.
 */
export async function startLoginTestEnv(options: EmulatorOptions = {}): Promise<LoginTestEnv> {
  const sandbox = await startSsoSandbox({
    emulator: { deviceCodeIntervalSeconds: 1, ...options },
    config: defaultConfig,
    homePrefix: "sso-kit-login-",
  });
  const prompts: LoginPrompt[] = [];
  return { ...sandbox, prompts, prompt: (prompt) => void prompts.push(prompt) };
}
