import {
  CreateTokenCommand,
  RegisterClientCommand,
  StartDeviceAuthorizationCommand,
  type CreateTokenCommandOutput,
  type StartDeviceAuthorizationCommandOutput,
} from "@aws-sdk/client-sso-oidc";
import type { Emulator } from "../../../packages/emulator/src/Emulator.js";
import { clickButton } from "./browser.js";
import { oidcClient } from "./clients.js";
import { pkcePair } from "./pkce.js";

/** The device code grant type. */
export const DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

/** Registers a device-flow client the way the AWS CLI does. */
export const registerDeviceClient = async (emu: Emulator) => {
  const out = await oidcClient(emu).send(
    new RegisterClientCommand({
      clientName: "test-device",
      clientType: "public",
      scopes: ["sso:account:access"],
    }),
  );
  return { clientId: out.clientId ?? "", clientSecret: out.clientSecret ?? "" };
};

/** Registers a PKCE client the way the AWS CLI does. */
export const registerPkceClient = async (emu: Emulator, clientName = "test-pkce") => {
  const out = await oidcClient(emu).send(
    new RegisterClientCommand({
      clientName,
      clientType: "public",
      scopes: ["sso:account:access"],
      grantTypes: ["authorization_code", "refresh_token"],
      redirectUris: ["http://127.0.0.1/oauth/callback"],
      issuerUrl: emu.startUrl,
    }),
  );
  return { clientId: out.clientId ?? "", clientSecret: out.clientSecret ?? "" };
};

/** Starts a device authorization for a fresh client. */
export const startDevice = async (
  emu: Emulator,
): Promise<{
  client: { clientId: string; clientSecret: string };
  device: StartDeviceAuthorizationCommandOutput;
}> => {
  const client = await registerDeviceClient(emu);
  const device = await oidcClient(emu).send(
    new StartDeviceAuthorizationCommand({ ...client, startUrl: emu.startUrl }),
  );
  return { client, device };
};

/** Polls CreateToken once for a device code. */
export const pollDevice = (
  emu: Emulator,
  client: { clientId: string; clientSecret: string },
  deviceCode: string | undefined,
): Promise<CreateTokenCommandOutput> =>
  oidcClient(emu).send(new CreateTokenCommand({ ...client, grantType: DEVICE_GRANT, deviceCode }));

/** Opens the verification page of a device authorization and clicks Allow or Deny. */
export const answerDevice = async (
  emu: Emulator,
  verificationUriComplete: string,
  button: "allow" | "deny",
) => {
  const page = await fetch(verificationUriComplete);
  return clickButton(emu.url, await page.text(), button);
};

/** Signs in with the device flow (approving in the "browser") and returns the tokens and the client. */
export const signInWithDevice = async (emu: Emulator) => {
  const { client, device } = await startDevice(emu);
  await answerDevice(emu, device.verificationUriComplete ?? "", "allow");
  const tokens = await pollDevice(emu, client, device.deviceCode);
  return { client, tokens };
};

/** The /authorize URL the AWS CLI opens for a PKCE sign-in. */
export const authorizeUrl = (
  emu: Emulator,
  params: { clientId: string; redirectUri: string; state: string; challenge: string; scopes?: string },
): string => {
  const query = new URLSearchParams({
    response_type: "code",
    client_id: params.clientId,
    redirect_uri: params.redirectUri,
    state: params.state,
    code_challenge_method: "S256",
    scopes: params.scopes ?? "sso:account:access",
    code_challenge: params.challenge,
  });
  return `${emu.url}/authorize?${query.toString()}`;
};

/** Runs /authorize and clicks Allow; returns what the redirect carried and what CreateToken needs. */
export const authorizeWithPkce = async (
  emu: Emulator,
  client: { clientId: string; clientSecret: string },
) => {
  const { verifier, challenge } = pkcePair();
  const redirectUri = "http://127.0.0.1:54321/oauth/callback";
  const page = await fetch(
    authorizeUrl(emu, { clientId: client.clientId, redirectUri, state: "st-1", challenge }),
  );
  const answer = await clickButton(emu.url, await page.text(), "allow");
  const location = new URL(answer.headers.get("location") ?? "");
  return {
    code: location.searchParams.get("code") ?? "",
    state: location.searchParams.get("state"),
    verifier,
    redirectUri,
  };
};
