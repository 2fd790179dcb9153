import type { RoleHop } from "../config/RoleHop.js";

/**
 * The in-process sharing key of the credentials one `AssumeRole` hop yields: the key of its source credentials
 * (so a chain is keyed by everything below it, down to the SSO sign-in and token digest) and every parameter of
 * the call but the MFA code. An unset `role_session_name` is keyed as unset: the generated name differs per call.
 */
export const hopSharingKey = (sourceKey: string, hop: RoleHop, region: string): string =>
  JSON.stringify([
    sourceKey,
    hop.roleArn,
    hop.roleSessionName ?? null,
    hop.externalId ?? null,
    hop.durationSeconds ?? null,
    hop.mfaSerial ?? null,
    region,
    hop.useGlobalEndpoint,
  ]);
