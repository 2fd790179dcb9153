import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import { NodeHttpHandler } from "@smithy/node-http-handler";
import type { HttpHandlerOptions } from "@smithy/types";
import { startEmulator, type Emulator, type EmulatorOptions, type OperationName } from "@sso-kit/emulator";

import { enterTempHome } from "../../../../test/support/enterTempHome.js";
import type { LoginPrompt } from "../LoginOptions.js";

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

/** A temp HOME with an `~/.aws/config`, an emulator, and the environment pointing at both. */
export interface LoginTestEnv {
  home: string;
  emu: Emulator;
  configFile: string;
  cacheDir: string;
  /** Replaces `~/.aws/config`. */
  writeConfig(text: string): void;
  /** File names in `~/.aws/sso/cache` (no temp or lock files), sorted. */
  cacheFiles(): string[];
  /** A cache file's JSON. */
  readCache(name: string): Record<string, unknown>;
  /** Prompts seen by `prompt`, a prompt callback that records and shows nothing. */
  prompts: LoginPrompt[];
  prompt: (prompt: LoginPrompt) => void;
  /** Stops the emulator, restores the environment, removes the temp HOME. */
  close(): Promise<void>;
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
 * `~/.aws/config` holds {@link defaultConfig}, with the SDK's SSO endpoints pointing at the emulator; `close()`
 * undoes all of it.
 */
export async function startLoginTestEnv(options: EmulatorOptions = {}): Promise<LoginTestEnv> {
  const emu = await startEmulator({ deviceCodeIntervalSeconds: 1, ...options });
  const tempHome = enterTempHome({ prefix: "sso-kit-login-", createAwsDirectory: true });
  const home = tempHome.dir;
  const configFile = path.join(home, ".aws", "config");
  writeFileSync(configFile, defaultConfig(emu));
  process.env.AWS_CONFIG_FILE = configFile;
  process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(home, ".aws", "credentials");
  process.env.AWS_ENDPOINT_URL_SSO = emu.url;
  process.env.AWS_ENDPOINT_URL_SSO_OIDC = emu.url;
  const cacheDir = path.join(home, ".aws", "sso", "cache");
  const prompts: LoginPrompt[] = [];
  return {
    home,
    emu,
    configFile,
    cacheDir,
    writeConfig: (text) => writeFileSync(configFile, text),
    cacheFiles: () => {
      try {
        return readdirSync(cacheDir)
          .filter((name) => name.endsWith(".json") && !name.startsWith("."))
          .sort();
      } catch {
        return [];
      }
    },
    readCache: (name) =>
      JSON.parse(readFileSync(path.join(cacheDir, name), "utf8")) as Record<string, unknown>,
    prompts,
    prompt: (prompt) => {
      prompts.push(prompt);
    },
    close: async () => {
      await emu.stop();
      tempHome.restore();
    },
  };
}
