import { SSOClient } from "@aws-sdk/client-sso";
import { startEmulator, type Emulator, type EmulatorOptions } from "@sso-kit/emulator";
import { SsoTokenCache, writeJsonFileAtomic, type SsoTokenFile } from "@sso-kit/token-provider/internal";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type {
  LegacyRoleTarget,
  SessionRoleTarget,
} from "../../../packages/credential-provider/src/config/RoleTarget.js";

/** Writes `~/.aws/config` of the current HOME. */
export const writeConfig = (text: string): string => {
  const path = join(process.env.HOME ?? "", ".aws", "config");
  writeFileSync(path, text, { mode: 0o600 });
  return path;
};

/** Writes the token file of `key` (session name or start URL) through the one cache store. */
export const writeCachedToken = async (key: string, token: SsoTokenFile): Promise<string> => {
  const cache = new SsoTokenCache();
  await cache.writeToken(key, token);
  return cache.tokenPath(key);
};

/** Writes arbitrary JSON (e.g. an invalid token) where the token file of `key` belongs. */
export const writeRawCachedToken = async (key: string, json: unknown): Promise<string> => {
  const path = new SsoTokenCache().tokenPath(key);
  await writeJsonFileAtomic(path, json, { mode: 0o600 });
  return path;
};

/** One emulator for the test file (started before all, stopped after all, reset before each test). */
export const useEmulator = (options: EmulatorOptions = {}): { readonly emu: Emulator } => {
  const state = {} as { emu: Emulator };
  beforeAll(async () => {
    state.emu = await startEmulator(options);
  });
  afterAll(async () => {
    await state.emu?.stop();
  });
  beforeEach(() => {
    state.emu.reset();
  });
  return state;
};

/** Points the SDK clients (SSO, SSO-OIDC, STS) at the emulator through the standard variables. */
export const pointSdkAt = (emu: Emulator): void => {
  Object.assign(process.env, emu.env);
};

/** A request as handed to the request handler (by the SDK client), before it was sent. */
export interface SeenRequest {
  /** `https://portal.sso.us-east-1.amazonaws.com/federation/credentials` (no query). */
  url: string;
  query: Record<string, string>;
  headers: Record<string, string>;
}

interface HttpRequestLike {
  protocol: string;
  hostname: string;
  port?: number;
  path: string;
  query: Record<string, string | string[] | null>;
  headers: Record<string, string>;
}

/**
 * A request handler that records each request the SDK built and delivers it to the emulator instead of the
 * host it was addressed to (real AWS hosts cannot be reached from the tests). Used as `clientConfig.requestHandler`,
 * it shows which URL, query and bearer token the SSO client produced, for any region or endpoint setting.
 */
export const redirectingHandler = (emu: Emulator) => {
  const inner = new SSOClient({ region: "us-east-1" }).config.requestHandler;
  const target = new URL(emu.url);
  const seen: SeenRequest[] = [];
  const handler = {
    handle(request: HttpRequestLike, options?: unknown) {
      const port = request.port === undefined ? "" : `:${request.port}`;
      seen.push({
        url: `${request.protocol}//${request.hostname}${port}${request.path}`,
        query: Object.fromEntries(Object.entries(request.query).map(([k, v]) => [k, String(v)])),
        headers: { ...request.headers },
      });
      const redirected = Object.assign(
        Object.create(Object.getPrototypeOf(request) as object) as object,
        request,
        {
          protocol: target.protocol,
          hostname: target.hostname,
          port: Number(target.port),
          // The host header stays as the client set it: signed requests (STS) cover it, and the emulator checks
          // their signature over the headers it receives.
          headers: { ...request.headers },
        },
      );
      return inner.handle(redirected, options as never);
    },
    updateHttpClientConfig: () => undefined,
    httpHandlerConfigs: () => ({}),
    destroy: () => undefined,
  };
  return { handler, seen };
};

/** A role of profile `dev` through its sso-session `corp` (start URL and region as a real portal's). */
export const sessionTarget: SessionRoleTarget = {
  kind: "sso-session",
  session: { name: "corp", startUrl: "https://d-1.awsapps.com/start", region: "us-east-1" },
  accountId: "111111111111",
  roleName: "ReadOnly",
  profileName: "dev",
  fromProfile: true,
};

/** The same role through a legacy profile `dev` (start URL and region in the profile). */
export const legacyTarget: LegacyRoleTarget = {
  kind: "legacy",
  startUrl: "https://d-1.awsapps.com/start",
  region: "us-east-1",
  accountId: "111111111111",
  roleName: "ReadOnly",
  profileName: "dev",
  fromProfile: true,
};
