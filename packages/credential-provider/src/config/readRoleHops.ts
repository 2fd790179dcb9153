import type { Logger } from "@smithy/types";
import type { IniSection, SharedConfig } from "@sso-kit/token-provider/internal/core";
import { SsoCredentialsProviderError } from "../errors/SsoCredentialsProviderError.js";
import type { RoleHop } from "./RoleHop.js";

/** Where a profile's chain ends: the profile whose credentials the first hop assumes with, and the hops. */
export interface RoleHops {
  /** The profile without `role_arn` at the end of the chain (the requested one when it has no `role_arn`). */
  readonly baseProfile: string;
  readonly hops: RoleHop[];
}

/** The environment variables a chain reads. */
export interface RoleHopsEnvironment {
  readonly AWS_STS_REGIONAL_ENDPOINTS?: string | undefined;
}

// Any account digits: AWS's are 12, but the check is STS's; this only finds the account the credentials are for.
const ROLE_ARN = /^arn:[a-z-]+:iam::(\d+):role\/.+$/;

const value = (section: IniSection, key: string): string | undefined => {
  const found = section[key];
  return found === undefined || found === "" ? undefined : found;
};

/**
 * Follows `source_profile` from `profileName` through the profiles that set `role_arn`, in the order the SDK's
 * `fromIni` resolves a profile: in a source profile, static keys win over `role_arn`, which wins over `sso_*`.
 * The result is returned in assuming order (the hop nearest the SSO profile first).
 *
 * @throws SsoCredentialsProviderError: `NotApplicable` (`tryNextLink: true`) when the chain ends in static keys or
 *   `credential_source` (not an SSO chain: `fromIni` handles it); `InvalidConfig` for a cycle, a missing or absent
 *   `source_profile`, or a malformed `role_arn` / `duration_seconds`, naming the profile and the file.
 */
export const readRoleHops = (
  config: Pick<SharedConfig, "profiles" | "configFilepath">,
  profileName: string,
  env: RoleHopsEnvironment,
  logger?: Logger,
): RoleHops => {
  const file = config.configFilepath;
  const invalid = (message: string) =>
    new SsoCredentialsProviderError(message, { reason: "InvalidConfig", logger });
  const notSso = (message: string) =>
    new SsoCredentialsProviderError(
      `${message}: profile '${profileName}' is not an IAM Identity Center (SSO) role chain.`,
      { reason: "NotApplicable", tryNextLink: true, logger },
    );
  const hops: RoleHop[] = [];
  const visited = [profileName];
  let name = profileName;
  // Each round visits a profile not visited before (a repeat throws), so it ends within profiles.size rounds.
  for (;;) {
    const section = config.profiles.get(name);
    if (section === undefined) {
      if (hops.length === 0) return { baseProfile: name, hops };
      const from = visited[visited.length - 2];
      throw invalid(
        `Profile '${from}' sets source_profile = ${name}, but there is no profile '${name}' in ${file} ` +
          `or the shared credentials file. Add [profile ${name}] or correct source_profile.`,
      );
    }
    if (hops.length > 0 && value(section, "aws_access_key_id") !== undefined) {
      throw notSso(`Profile '${name}' (source of '${visited[visited.length - 2]}') has static keys`);
    }
    const roleArn = value(section, "role_arn");
    if (roleArn === undefined) return { baseProfile: name, hops: hops.reverse() };
    const source = value(section, "source_profile");
    const credentialSource = value(section, "credential_source");
    if (source !== undefined && credentialSource !== undefined) {
      throw invalid(
        `Profile '${name}' sets both source_profile and credential_source in ${file}; a role profile takes ` +
          `one of them. Remove one.`,
      );
    }
    if (credentialSource !== undefined) {
      throw notSso(`Profile '${name}' takes its credentials from credential_source = ${credentialSource}`);
    }
    if (source === undefined) {
      throw invalid(
        `Profile '${name}' sets role_arn but no source_profile in ${file}: add source_profile = <the SSO ` +
          `profile whose credentials assume ${roleArn}>.`,
      );
    }
    hops.push(readHop(name, section, roleArn, env, file, invalid));
    if (visited.includes(source)) {
      if (value(config.profiles.get(source) ?? {}, "aws_access_key_id") !== undefined) {
        throw notSso(`Profile '${source}' (source of '${name}') has static keys`);
      }
      throw invalid(
        `The source_profile settings in ${file} form a cycle: ${[...visited, source].join(" -> ")}. ` +
          `One of them must name an SSO profile instead.`,
      );
    }
    visited.push(source);
    name = source;
  }
};

const readHop = (
  profileName: string,
  section: IniSection,
  roleArn: string,
  env: RoleHopsEnvironment,
  file: string,
  invalid: (message: string) => SsoCredentialsProviderError,
): RoleHop => {
  const accountId = ROLE_ARN.exec(roleArn)?.[1];
  if (accountId === undefined) {
    throw invalid(
      `Profile '${profileName}' sets role_arn = ${roleArn} in ${file}, which is not a role ARN ` +
        `(arn:aws:iam::<account id>:role/<name>).`,
    );
  }
  const duration = value(section, "duration_seconds");
  if (duration !== undefined && !/^\d{1,6}$/.test(duration)) {
    throw invalid(
      `Profile '${profileName}' sets duration_seconds = ${duration} in ${file}, which is not a number of ` +
        `seconds.`,
    );
  }
  const endpoints = env.AWS_STS_REGIONAL_ENDPOINTS || value(section, "sts_regional_endpoints");
  return {
    profileName,
    roleArn,
    accountId,
    roleSessionName: value(section, "role_session_name"),
    externalId: value(section, "external_id"),
    durationSeconds: duration === undefined ? undefined : Number(duration),
    mfaSerial: value(section, "mfa_serial"),
    region: value(section, "region"),
    useGlobalEndpoint: endpoints === "legacy",
  };
};
