import type { AccountWithRoles } from "../accounts/listAccountsAndRoles.js";
import { profileNameFromTemplate } from "./profileNameFromTemplate.js";

/** Where generated profiles get their SSO settings: an sso-session, or a legacy start URL. */
export type GeneratedProfileSource =
  | { readonly kind: "sso-session"; readonly sessionName: string }
  | { readonly kind: "legacy"; readonly startUrl: string; readonly ssoRegion: string };

/** Options of {@link planGeneratedProfiles}. */
export interface PlanGeneratedProfilesOptions {
  /** The name template (checked with `checkProfileNameTemplate`). */
  readonly template: string;
  /** The `{session}` value. */
  readonly session: string;
  /** What the profiles reference. */
  readonly source: GeneratedProfileSource;
  /** `region` of every generated profile. */
  readonly region: string;
  /** Profile names defined outside the managed block: never reused. */
  readonly taken: ReadonlySet<string>;
}

/** The managed block's content, and what was left out. */
export interface GeneratedProfilesPlan {
  /** The names given, in block order. */
  readonly names: string[];
  /** The block's lines (no line breaks). */
  readonly lines: string[];
  /** One sentence per account or role left out, and why. */
  readonly warnings: string[];
}

const ACCOUNT_ID = /^\d{12}$/;
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;

/**
 * One profile per account and role, named by the template. A name used by a profile outside the block is
 * skipped with a warning (that profile is the user's); a name two roles share gets `-2`, `-3`… in listing order
 * (accounts by name then id, roles by name), so that the same directory always gives the same names. Ids and
 * role names the portal returned are checked before they are written into the config.
 */
export function planGeneratedProfiles(
  accounts: readonly AccountWithRoles[],
  options: PlanGeneratedProfilesOptions,
): GeneratedProfilesPlan {
  const { source, region, taken } = options;
  const names: string[] = [];
  const lines: string[] = [];
  const warnings: string[] = [];
  const used = new Set<string>();
  for (const account of accounts) {
    if (!ACCOUNT_ID.test(account.accountId)) {
      warnings.push(`skipped an account whose id is not 12 digits (${JSON.stringify(account.accountId)})`);
      continue;
    }
    for (const role of account.roles) {
      if (!ROLE_NAME.test(role)) {
        warnings.push(
          `skipped a role of account ${account.accountId} with an invalid name (${JSON.stringify(role)})`,
        );
        continue;
      }
      const base = profileNameFromTemplate(options.template, {
        account_name: account.accountName,
        account_id: account.accountId,
        role_name: role,
        session: options.session,
      });
      if (taken.has(base)) {
        warnings.push(
          `skipped profile '${base}' (${account.accountId} ${role}): a profile of that name exists outside the managed block`,
        );
        continue;
      }
      let name = base;
      for (let n = 2; used.has(name) || taken.has(name); n++) name = `${base}-${n}`;
      used.add(name);
      names.push(name);
      if (lines.length > 0) lines.push("");
      lines.push(`[profile ${name}]`);
      if (source.kind === "sso-session") {
        lines.push(`sso_session = ${source.sessionName}`);
      } else {
        lines.push(`sso_start_url = ${source.startUrl}`, `sso_region = ${source.ssoRegion}`);
      }
      lines.push(`sso_account_id = ${account.accountId}`, `sso_role_name = ${role}`, `region = ${region}`);
    }
  }
  return { names, lines, warnings };
}
