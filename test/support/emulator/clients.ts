import { SSOClient } from "@aws-sdk/client-sso";
import { SSOOIDCClient } from "@aws-sdk/client-sso-oidc";
import { STSClient } from "@aws-sdk/client-sts";
import type { Emulator } from "../../../packages/emulator/src/Emulator.js";

/** Credentials the SDK needs to resolve even for unsigned operations' clients. */
export const dummyCredentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" };

/** A real SSO-OIDC client pointed at the emulator. */
export const oidcClient = (emu: Emulator) =>
  new SSOOIDCClient({ region: emu.region, endpoint: emu.url, credentials: dummyCredentials });

/** A real SSO portal client pointed at the emulator. */
export const ssoClient = (emu: Emulator) => new SSOClient({ region: emu.region, endpoint: emu.url });

/** A real STS client pointed at the emulator, signing with `credentials`. */
export const stsClient = (
  emu: Emulator,
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string },
) => new STSClient({ region: emu.region, endpoint: emu.url, credentials });
