import { CliError } from "../errors/CliError.js";
import { ExitCode } from "../ExitCode.js";

/** The values a profile name template can use. */
export interface ProfileNameFields {
  /** `{account_name}`: the account's display name. */
  readonly account_name: string;
  /** `{account_id}`: the 12-digit account id. */
  readonly account_id: string;
  /** `{role_name}`: the permission set (role) name. */
  readonly role_name: string;
  /** `{session}`: the sso-session name (for a legacy profile, the start URL's host name). */
  readonly session: string;
}

const PLACEHOLDER = /\{([^{}]*)\}/g;
const FIELDS: ReadonlySet<string> = new Set(["account_name", "account_id", "role_name", "session"]);

/**
 * Checks a profile name template (`{account_name}.{role_name}`) before any listing, so that a typo is a usage
 * error rather than 600 oddly named profiles.
 *
 * @throws CliError (exit 2) naming the unknown placeholder, or when no placeholder tells roles apart.
 */
export function checkProfileNameTemplate(template: string): void {
  for (const [, name] of template.matchAll(PLACEHOLDER)) {
    if (!FIELDS.has(name as string)) {
      throw new CliError(
        `Unknown placeholder {${name}} in --template '${template}': use {account_name}, {account_id}, {role_name} and {session}.`,
        ExitCode.Usage,
      );
    }
  }
  if (!template.includes("{role_name}")) {
    throw new CliError(
      `--template '${template}' must contain {role_name}: otherwise every role of an account gets the same name.`,
      ExitCode.Usage,
    );
  }
}

/**
 * The profile name a template gives: placeholders filled in, then every run of characters outside
 * `[A-Za-z0-9._-]` replaced with one `-` (case is kept), repeated `-` collapsed, and `-` trimmed from both ends,
 * so that every name survives the AWS CLI's and SDKs' config parsers and shells. Empty results become `profile`.
 */
export function profileNameFromTemplate(template: string, fields: ProfileNameFields): string {
  const filled = template.replace(PLACEHOLDER, (whole, name: string) =>
    FIELDS.has(name) ? fields[name as keyof ProfileNameFields] : whole,
  );
  const safe = filled
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^-+|-+$/g, "");
  return safe === "" ? "profile" : safe;
}
