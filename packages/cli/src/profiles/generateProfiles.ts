import { resolve } from "node:path";
import type { SsoProfile } from "@sso-kit/token-provider/internal";
import { loadSharedConfig, resolveSsoProfile, resolveSsoSession } from "@sso-kit/token-provider/internal";
import { listAccountsAndRoles } from "../accounts/listAccountsAndRoles.js";
import { listingProgress } from "../accounts/listingProgress.js";
import type { GenerateOptions } from "../commands/profilesCommand.js";
import { CliError } from "../errors/CliError.js";
import { ExitCode } from "../ExitCode.js";
import { readTextFileChecked } from "../files/readTextFileChecked.js";
import { diffLines } from "../output/diffLines.js";
import { startProgress } from "../output/startProgress.js";
import type { CliContext } from "../program/CliContext.js";
import { ManagedProfilesBlock } from "./ManagedProfilesBlock.js";
import { planGeneratedProfiles } from "./planGeneratedProfiles.js";
import { writeConfigFile } from "./writeConfigFile.js";
import { checkProfileNameTemplate } from "./profileNameFromTemplate.js";

const REGION = /^[a-z]{2,}(-[a-z0-9]+)+$/;

/**
 * `sso-kit profiles generate`: lists every account and role of an SSO session and rewrites the session's managed
 * block of the config file to hold one profile for each, leaving every other byte of the file as it was.
 */
export async function generateProfiles(options: GenerateOptions, context: CliContext): Promise<void> {
  const { output, logger, secrets } = context;
  checkProfileNameTemplate(options.template);
  if (options.profile !== undefined && options.ssoSession !== undefined) {
    throw new CliError("Give --profile or --sso-session, not both.", ExitCode.Usage);
  }
  if (options.region !== undefined && !REGION.test(options.region)) {
    throw new CliError(`--region '${options.region}' is not a region name (like eu-west-1).`, ExitCode.Usage);
  }
  if (options.configFile !== undefined) {
    // The command runs in its own process: every reader of the config (the profile resolution, the token
    // provider behind the listing) then reads the file being generated into.
    process.env.AWS_CONFIG_FILE = resolve(options.configFile);
  }
  const profile = await sourceProfile(options);
  const path = (await loadSharedConfig()).configFilepath;
  const session = profile.kind === "sso-session" ? profile.session : profile;
  const label = profile.kind === "sso-session" ? profile.session.name : profile.startUrl;
  const region = options.region ?? session.region;

  const file = await readTextFileChecked(path);
  const block = ManagedProfilesBlock.find(file?.bytes ?? "", toBytes(label), path);

  const progress = listingProgress(`Listing the accounts and roles of ${session.startUrl}`);
  const stopProgress = startProgress(output, progress.message);
  let listing;
  try {
    listing = await listAccountsAndRoles({
      profile: profile.profileName,
      logger,
      secrets,
      onProgress: progress.onProgress,
    });
  } finally {
    stopProgress();
  }

  const plan = planGeneratedProfiles(listing.accounts, {
    template: options.template,
    session: profile.kind === "sso-session" ? profile.session.name : hostLabel(profile.startUrl),
    source:
      profile.kind === "sso-session"
        ? { kind: "sso-session", sessionName: profile.session.name }
        : { kind: "legacy", startUrl: profile.startUrl, ssoRegion: profile.region },
    region,
    taken: block.profileNamesOutside(),
  });
  for (const warning of plan.warnings) output.info(`sso-kit: warning: ${warning}`);

  const before = block.lines.map(fromBytes);
  const text = block.withLines(plan.lines.map(toBytes));
  const changes = diffLines(before, plan.lines);
  const counts = `${plan.names.length} profile(s) for ${label} in ${path}`;
  if (text === (file?.bytes ?? "")) {
    output.info(`No change: ${counts} are up to date.`);
    return;
  }
  if (options.dryRun) {
    output.print(
      `--- ${path}`,
      `+++ ${path} (sso-kit profiles generate)`,
      `@@ sso-kit managed profiles (session ${label}) @@`,
      ...changes,
    );
    output.info(`Dry run: nothing written; ${counts} after the change.`);
    return;
  }
  await writeConfigFile(path, file, text);
  const added = changes.filter((line) => line.startsWith("+")).length;
  const removed = changes.length - added;
  output.info(
    `Wrote ${counts} (${added} line(s) added, ${removed} removed${file === undefined ? "" : `; the previous file is ${path}.bak`}).`,
  );
}

/** The profile whose session is listed: `--profile`, or a profile that uses `--sso-session`. */
async function sourceProfile(options: GenerateOptions): Promise<SsoProfile> {
  if (options.ssoSession === undefined) return resolveSsoProfile({ profile: options.profile });
  const session = await resolveSsoSession(options.ssoSession);
  const config = await loadSharedConfig();
  const user = [...config.profiles.keys()]
    .sort()
    .find((name) => config.profiles.get(name)?.sso_session === session.name);
  if (user === undefined) {
    throw new CliError(
      `No profile of ${config.configFilepath} uses sso-session '${session.name}', and signing in needs one: add '[profile ${session.name}]' with 'sso_session = ${session.name}', or pass --profile.`,
    );
  }
  return resolveSsoProfile({ profile: user });
}

/** `{session}` of a legacy profile: the first label of its start URL's host (`my-portal` of my-portal.awsapps.com). */
function hostLabel(startUrl: string): string {
  try {
    return new URL(startUrl).hostname.split(".")[0] ?? startUrl;
  } catch {
    return startUrl;
  }
}

const toBytes = (text: string): string => Buffer.from(text, "utf8").toString("latin1");
const fromBytes = (bytes: string): string => Buffer.from(bytes, "latin1").toString("utf8");
