import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AccountWithRoles } from "../accounts/listAccountsAndRoles.js";
import { listAccountsAndRoles } from "../accounts/listAccountsAndRoles.js";
import type { ConfigureOptions } from "../commands/configureCommand.js";
import { CliError } from "../errors/CliError.js";
import { describeCommandFailure } from "../errors/describeCommandFailure.js";
import { ExitCode } from "../ExitCode.js";
import { formatDuration } from "../output/formatDuration.js";
import { formatJsonForTerminal } from "../output/formatJsonForTerminal.js";
import { shouldUseColor } from "../output/shouldUseColor.js";
import { startProgress } from "../output/startProgress.js";
import { writeConfigFile } from "../profiles/writeConfigFile.js";
import type { CliContext } from "../program/CliContext.js";
import { signIn } from "../signin/signIn.js";
import { answerChecks } from "./answerChecks.js";
import type { SectionContent } from "./editConfigSections.js";
import { editConfigSections } from "./editConfigSections.js";
import { linePrompter } from "./linePrompter.js";
import type { Prompter, Question } from "./Prompter.js";
import { sessionNameFor } from "./sessionNameFor.js";

const DEFAULT_SCOPES = "sso:account:access";

/** The flags with a check, in the order `configure` asks for them. */
const CHECKED_FLAGS = [
  ["startUrl", "--start-url", answerChecks.startUrl],
  ["region", "--region", answerChecks.region],
  ["sessionName", "--session-name", answerChecks.name],
  ["scopes", "--scopes", answerChecks.scopes],
  ["accountId", "--account-id", answerChecks.accountId],
  ["roleName", "--role-name", answerChecks.roleName],
  ["defaultRegion", "--default-region", answerChecks.region],
  ["output", "--output", answerChecks.output],
  ["profile", "--profile", answerChecks.name],
] as const;

/**
 * `sso-kit configure`: asks what flags did not say, signs in to the new sso-session (before anything is written,
 * through a staging copy of its section in a private temporary directory), lets the user pick an account and a
 * role, and writes `[sso-session]` and `[profile]` to the config file, keeping every other byte of it.
 */
export async function configure(options: ConfigureOptions, context: CliContext): Promise<void> {
  const { output, logger, secrets } = context;
  for (const [key, flag, check] of CHECKED_FLAGS) {
    const value = options[key];
    const problem = value === undefined ? undefined : check(value);
    if (problem !== undefined) throw new CliError(`${flag}: ${problem}`, ExitCode.Usage);
  }
  const answers: ConfigureOptions = { ...options };
  const missingFlags = (): string[] =>
    (
      [
        ["startUrl", "--start-url"],
        ["region", "--region"],
        ["accountId", "--account-id"],
        ["roleName", "--role-name"],
      ] as const
    )
      .filter(([key]) => answers[key] === undefined)
      .map(([, flag]) => flag);
  const terminal = context.stdin.isTTY === true && output.stderr.isTTY === true;
  // Typed at a terminal, every question not answered by a flag is asked; from a pipe, only the ones without a
  // default, so that a script's answers do not depend on the optional questions.
  const askAll = terminal && missingFlags().length > 0;
  let prompter: Prompter | undefined;
  const prompts = async (): Promise<Prompter> => {
    if (prompter !== undefined) return prompter;
    if (terminal) {
      const { terminalPrompter } = await import("./terminalPrompter.js");
      prompter = await terminalPrompter({
        stdin: context.stdin,
        stderr: output.stderr,
        color: shouldUseColor(output.stderr, context.env),
        signal: context.signal,
      });
    } else {
      prompter = linePrompter(context.stdin, output.stderr, missingFlags);
    }
    return prompter;
  };
  const ask = async (question: Question): Promise<string> => (await prompts()).ask(question);
  /** A setting with a default (or none): its flag, else asked in a terminal, else the default. */
  const setting = async (given: string | undefined, question: Question): Promise<string> =>
    given ?? (askAll ? ask(question) : (question.defaultValue ?? ""));
  if (!terminal && missingFlags().length > 0) {
    const lines = linePrompter(context.stdin, output.stderr, missingFlags);
    prompter = lines;
    if (!(await lines.hasAnswers())) {
      lines.close();
      throw new CliError(
        `Missing ${missingFlags().join(", ")}: there is no terminal to ask in, and stdin has no answers.`,
        ExitCode.Usage,
      );
    }
  }
  let staging: string | undefined;
  try {
    const startUrl = (answers.startUrl ??= await ask({
      message: "SSO start URL",
      flag: "--start-url",
      check: answerChecks.startUrl,
    }));
    const ssoRegion = (answers.region ??= await ask({
      message: "SSO region",
      flag: "--region",
      check: answerChecks.region,
    }));
    const sessionName = await setting(answers.sessionName, {
      message: "SSO session name",
      flag: "--session-name",
      defaultValue: sessionNameFor(startUrl),
      check: answerChecks.name,
    });
    const scopes = (
      await setting(answers.scopes, {
        message: "SSO registration scopes (comma-separated)",
        flag: "--scopes",
        defaultValue: DEFAULT_SCOPES,
        check: answerChecks.scopes,
      })
    )
      .split(",")
      .map((scope) => scope.trim())
      .join(",");
    const session: SectionContent = {
      kind: "sso-session",
      name: sessionName,
      values: [
        ["sso_start_url", startUrl],
        ["sso_region", ssoRegion],
        ["sso_registration_scopes", scopes],
      ],
    };
    // Refused before the sign-in, not after it.
    await editConfigSections([session], { force: options.force === true });

    staging = await mkdtemp(join(tmpdir(), "sso-kit-configure-"));
    const staged = join(staging, "config");
    await writeFile(
      staged,
      sectionText([session, { kind: "profile", name: sessionName, values: [["sso_session", sessionName]] }]),
      {
        mode: 0o600,
      },
    );
    let signedIn: { expiresAt: Date } | undefined;
    if (options.login) {
      const result = await signIn(
        {
          ssoSession: sessionName,
          configFilepath: staged,
          ...(options.useDeviceCode === true && { flow: "device" as const }),
          openBrowser: options.browser,
        },
        context,
      );
      signedIn = result;
      output.info(
        `${output.errorStyle.green("Signed in")} to ${result.startUrl} (valid for ${formatDuration(result.expiresAt.getTime() - Date.now())}).`,
      );
    }

    let accountId = answers.accountId;
    let roleName = answers.roleName;
    if (accountId === undefined || roleName === undefined) {
      const stopProgress = startProgress(output, `Listing the accounts and roles of ${startUrl}`);
      let accounts: AccountWithRoles[];
      try {
        ({ accounts } = await listAccountsAndRoles({
          profile: sessionName,
          configFilepath: staged,
          logger,
          secrets,
        }));
      } catch (error) {
        // The advice of the error (`sso-kit login --profile <session>`) names the staging copy's profile.
        if (
          !options.login &&
          describeCommandFailure(error, secrets.values()).exitCode === ExitCode.NotSignedIn
        ) {
          throw new CliError(
            `Not signed in to ${startUrl} (sso-session ${sessionName}): run configure without --no-login, or pass --account-id and --role-name.`,
            ExitCode.NotSignedIn,
            { cause: error },
          );
        }
        throw error;
      } finally {
        stopProgress();
      }
      const account = await pickAccount(accounts, accountId, prompts, output.info.bind(output));
      accountId = answers.accountId = account.accountId;
      roleName = answers.roleName = await pickRole(account, roleName, prompts, output.info.bind(output));
    }

    const defaultRegion = await setting(answers.defaultRegion, {
      message: "Default client region",
      flag: "--default-region",
      optional: true,
      check: answerChecks.region,
    });
    const outputFormat = await setting(answers.output, {
      message: "Default output format (json, yaml, yaml-stream, text, table)",
      flag: "--output",
      optional: true,
      check: answerChecks.output,
    });
    const profileName = await setting(answers.profile, {
      message: "Profile name",
      flag: "--profile",
      // Role names may hold `+=,@`, which profile names here do not.
      defaultValue: `${roleName.replace(/[^A-Za-z0-9._-]/g, "-")}-${accountId}`,
      check: answerChecks.name,
    });
    const profile: SectionContent = {
      kind: "profile",
      name: profileName,
      values: [
        ["sso_session", sessionName],
        ["sso_account_id", accountId],
        ["sso_role_name", roleName],
        ...(defaultRegion !== "" ? [["region", defaultRegion] as const] : []),
        ...(outputFormat !== "" ? [["output", outputFormat] as const] : []),
      ],
    };

    const edit = await editConfigSections([session, profile], { force: options.force === true });
    const changed = edit.actions.some(({ action }) => action !== "unchanged");
    const backup = changed ? await writeConfigFile(edit.path, edit.file, edit.text) : undefined;
    const summary = {
      configFile: edit.path,
      ...(backup !== undefined && { backup }),
      ssoSession: { name: sessionName, action: actionOf(edit, "sso-session") },
      profile: { name: profileName, action: actionOf(edit, "profile") },
      signedIn: signedIn !== undefined,
      ...(signedIn !== undefined && { expiresAt: signedIn.expiresAt.toISOString() }),
    };
    if (options.json === true) {
      output.print(formatJsonForTerminal(summary));
      return;
    }
    const said = (label: string, action: string): string =>
      action === "unchanged" ? `${label} was already there` : `${label} ${action}`;
    output.print(
      `${said(`[sso-session ${sessionName}]`, summary.ssoSession.action)}, ${said(`[profile ${profileName}]`, summary.profile.action)} in ${edit.path}${backup !== undefined ? ` (the previous file is ${backup})` : ""}.`,
      `Use it with: aws sts get-caller-identity --profile ${profileName}`,
    );
  } finally {
    prompter?.close();
    if (staging !== undefined) await rm(staging, { recursive: true, force: true });
  }
}

async function pickAccount(
  accounts: readonly AccountWithRoles[],
  given: string | undefined,
  prompts: () => Promise<Prompter>,
  info: (line: string) => void,
): Promise<AccountWithRoles> {
  if (given !== undefined) {
    const found = accounts.find((account) => account.accountId === given);
    if (found === undefined)
      throw new CliError(`--account-id: this sign-in cannot use account ${given}.`, ExitCode.Usage);
    return found;
  }
  const [only] = accounts;
  if (only === undefined)
    throw new CliError("This sign-in has no AWS accounts: ask your administrator for access.");
  if (accounts.length === 1) {
    info(`The only account available is ${only.accountName} (${only.accountId}).`);
    return only;
  }
  const id = await (
    await prompts()
  ).choose({
    message: `Account (${accounts.length} available)`,
    flag: "--account-id",
    options: accounts.map((account) => ({
      value: account.accountId,
      label: `${account.accountName} (${account.accountId})`,
      hint: account.emailAddress,
    })),
  });
  return accounts.find((account) => account.accountId === id) as AccountWithRoles;
}

async function pickRole(
  account: AccountWithRoles,
  given: string | undefined,
  prompts: () => Promise<Prompter>,
  info: (line: string) => void,
): Promise<string> {
  if (given !== undefined) {
    if (!account.roles.includes(given)) {
      throw new CliError(
        `--role-name: account ${account.accountId} has no role '${given}' for this sign-in.`,
        ExitCode.Usage,
      );
    }
    return given;
  }
  const [only] = account.roles;
  if (only === undefined) throw new CliError(`Account ${account.accountId} has no roles for this sign-in.`);
  if (account.roles.length === 1) {
    info(`The only role available in ${account.accountId} is ${only}.`);
    return only;
  }
  return (await prompts()).choose({
    message: `Role in ${account.accountName} (${account.accountId})`,
    flag: "--role-name",
    options: account.roles.map((role) => ({ value: role, label: role })),
  });
}

function actionOf(
  edit: Awaited<ReturnType<typeof editConfigSections>>,
  kind: SectionContent["kind"],
): string {
  return edit.actions.find(({ section }) => section.kind === kind)?.action ?? "unchanged";
}

/** The sections as config file text (the staging copy only: the real file is edited by `editConfigSections`). */
function sectionText(sections: readonly SectionContent[]): string {
  return sections
    .map(({ kind, name, values }) =>
      [`[${kind} ${name}]`, ...values.map(([key, value]) => `${key} = ${value}`), ""].join("\n"),
    )
    .join("\n");
}
