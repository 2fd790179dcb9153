import { formatTimestamp } from "@sso-kit/token-provider/internal";
import type { CachedRoleCredentials } from "@sso-kit/credential-provider/internal";

/** Set in the environment of every command `sso-kit exec` runs, to the profile's name: nested runs refuse on it. */
export const EXEC_PROFILE_VARIABLE = "SSO_KIT_EXEC_PROFILE";

/**
 * Variables removed from the command's environment: a profile name would let the command (or a tool it starts)
 * resolve credentials some other way than the ones given, and the legacy `AWS_SECURITY_TOKEN` would pair a stale
 * session token with the new keys in older tools.
 */
const REMOVED = ["AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_SECURITY_TOKEN"] as const;

/** What {@link execEnvironment} puts in the command's environment. */
export interface ExecEnvironmentInit {
  /** The environment sso-kit runs in. */
  readonly env: NodeJS.ProcessEnv;
  /** The profile the credentials belong to (the value of {@link EXEC_PROFILE_VARIABLE}). */
  readonly profileName: string;
  /** The role credentials. */
  readonly credentials: CachedRoleCredentials;
  /** The profile's `region`: when absent, the inherited `AWS_REGION` / `AWS_DEFAULT_REGION` stay as they are. */
  readonly region?: string | undefined;
}

/**
 * The environment for `sso-kit exec`'s command: `env` with the role credentials in the standard AWS variables
 * (which every SDK and the AWS CLI read first), the profile's region, no profile name, and the nesting marker.
 */
export function execEnvironment(init: ExecEnvironmentInit): NodeJS.ProcessEnv {
  const { credentials, region } = init;
  const env: NodeJS.ProcessEnv = { ...init.env };
  for (const name of REMOVED) delete env[name];
  env.AWS_ACCESS_KEY_ID = credentials.accessKeyId;
  env.AWS_SECRET_ACCESS_KEY = credentials.secretAccessKey;
  env.AWS_SESSION_TOKEN = credentials.sessionToken;
  env.AWS_CREDENTIAL_EXPIRATION = formatTimestamp(credentials.expiration);
  if (region !== undefined && region !== "") {
    env.AWS_REGION = region;
    env.AWS_DEFAULT_REGION = region;
  }
  env[EXEC_PROFILE_VARIABLE] = init.profileName;
  return env;
}
