import type { Logger } from "@smithy/types";
import type { ProviderClients } from "../clients/ProviderClients.js";
import type { RoleHop } from "../config/RoleHop.js";
import { SsoCredentialsProviderError } from "../errors/SsoCredentialsProviderError.js";
import type { FromSSOInit } from "../FromSSOInit.js";
import type { RoleCredentials } from "../portal/RoleCredentials.js";
import { loadStsClientModule } from "./loadStsClientModule.js";
import { parseAssumeRoleCredentials } from "./parseAssumeRoleCredentials.js";
import { toStsError } from "./toStsError.js";

/** One `AssumeRole` of a chain: its inputs. */
export interface AssumeRoleRequest {
  /** Builds the STS client (merged client config, bounded request handler). */
  clients: ProviderClients;
  hop: RoleHop;
  /** The credentials of the hop's source profile: they sign the call. */
  source: RoleCredentials;
  /** Where STS is called when the hop's profile sets no `region`: the SSO region of the chain. */
  defaultRegion: string;
  mfaCodeProvider: FromSSOInit["mfaCodeProvider"];
  logger: Logger | undefined;
}

/**
 * Calls STS `AssumeRole` for one hop, with the parameters the SDK's `fromIni` sends for the same profile
 * (`role_session_name` or `aws-sdk-js-<epoch ms>`, `external_id`, `duration_seconds` or 3600, `mfa_serial` with
 * the code from `mfaCodeProvider`), and returns validated credentials or a typed error (see `toStsError`).
 */
export const assumeRole = async ({
  clients,
  hop,
  source,
  defaultRegion,
  mfaCodeProvider,
  logger,
}: AssumeRoleRequest): Promise<RoleCredentials> => {
  let tokenCode: string | undefined;
  if (hop.mfaSerial !== undefined) {
    if (mfaCodeProvider === undefined) {
      throw new SsoCredentialsProviderError(
        `Profile '${hop.profileName}' requires multi-factor authentication (mfa_serial = ${hop.mfaSerial}), ` +
          `but no MFA code callback was provided: pass fromSSO({ mfaCodeProvider }).`,
        { reason: "InvalidConfig", logger },
      );
    }
    tokenCode = await mfaCodeProvider(hop.mfaSerial);
  }
  const secrets = [source.secretAccessKey, source.sessionToken];
  let output: unknown;
  try {
    const { AssumeRoleCommand } = await loadStsClientModule();
    const client = await clients.sts(hop.region ?? defaultRegion, hop.useGlobalEndpoint, source);
    output = await client.send(
      new AssumeRoleCommand({
        RoleArn: hop.roleArn,
        RoleSessionName: hop.roleSessionName ?? `aws-sdk-js-${Date.now()}`,
        DurationSeconds: hop.durationSeconds ?? 3600,
        ...(hop.externalId !== undefined && { ExternalId: hop.externalId }),
        ...(tokenCode !== undefined && { SerialNumber: hop.mfaSerial, TokenCode: tokenCode }),
      }),
    );
  } catch (error) {
    // Already this provider's own (the hop's configuration is wrong): not a failure of STS.
    if (error instanceof SsoCredentialsProviderError) throw error;
    throw toStsError(error, hop, tokenCode === undefined ? secrets : [...secrets, tokenCode], logger);
  }
  return parseAssumeRoleCredentials(output, hop, logger);
};
