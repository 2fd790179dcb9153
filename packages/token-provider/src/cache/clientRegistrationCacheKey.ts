import { pythonJsonString } from "./pythonJsonString.js";

/** What the AWS CLI keys a cached OIDC client registration on. */
export interface ClientRegistrationCacheKeyInput {
  /** The configured `sso_start_url` (not a vanity-resolved one). */
  startUrl: string;
  /** The `sso_region`. */
  region: string;
  /** `sso_registration_scopes` as configured; `undefined` when not configured (not the default scopes). */
  scopes?: string[];
  /** The sso-session name; `undefined` for legacy profiles. */
  sessionName?: string;
}

/**
 * The cache key `aws sso login` uses for a client registration: Python's `json.dumps(args, sort_keys=True)` of
 * `{region, scopes, session_name, startUrl, tool: "botocore"}` (separators `", "` and `": "`, non-ASCII escaped),
 * so that sso-kit and the AWS CLI share registrations. Pass it to `SsoTokenCache#readRegistration`.
 */
export const clientRegistrationCacheKey = (input: ClientRegistrationCacheKeyInput): string => {
  const entries: Array<[string, string | string[] | undefined]> = [
    ["region", input.region],
    ["scopes", input.scopes],
    ["session_name", input.sessionName],
    ["startUrl", input.startUrl],
    ["tool", "botocore"],
  ];
  return `{${entries.map(([key, value]) => `${pythonJson(key)}: ${pythonJson(value)}`).join(", ")}}`;
};

const pythonJson = (value: string | string[] | undefined): string => {
  if (value === undefined) return "null";
  if (Array.isArray(value)) return `[${value.map(pythonJson).join(", ")}]`;
  return pythonJsonString(value);
};
