import { createInterface } from "node:readline";
import { escapeControlCharacters } from "@sso-kit/token-provider/internal";
import { CliError } from "../errors/CliError.js";
import { ExitCode } from "../ExitCode.js";
import type { OutputStream } from "../output/Output.js";
import type { Choice, Prompter, Question } from "./Prompter.js";

/**
 * Plain prompts for when stdin is not a terminal: each question is written to stderr and answered by the next
 * line of stdin (a pipe, a here-document, a file), so scripts can answer in order. Nothing is retried: a wrong
 * answer ends the run with a usage error naming the flag, and the end of stdin before every question was
 * answered ends it with the list of flags still missing.
 */
export function linePrompter(
  stdin: NodeJS.ReadableStream,
  stderr: OutputStream,
  missingFlags: () => readonly string[],
): Prompter & { hasAnswers(): Promise<boolean> } {
  const lines = createInterface({ input: stdin, terminal: false, crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  // The next line, read ahead once by `hasAnswers`.
  let peeked: Promise<IteratorResult<string>> | undefined;
  const nextLine = (): Promise<IteratorResult<string>> => {
    const next = peeked ?? iterator.next();
    peeked = undefined;
    return next;
  };
  const answer = async (prompt: string, flag: string): Promise<string> => {
    stderr.write(prompt);
    const next = await nextLine();
    // Piped answers are not echoed: the transcript shows them after their question.
    stderr.write(next.done === true ? "\n" : `${escapeControlCharacters(String(next.value))}\n`);
    if (next.done === true) {
      throw new CliError(
        `stdin ended before ${flag} was answered: pass ${missingFlags().join(", ")} (or answer them on stdin, one line each).`,
        ExitCode.Usage,
      );
    }
    return String(next.value).trim();
  };
  return {
    async hasAnswers(): Promise<boolean> {
      peeked ??= iterator.next();
      return (await peeked).done !== true;
    },
    async ask(question: Question): Promise<string> {
      const shown =
        question.defaultValue !== undefined
          ? ` [${question.defaultValue}]`
          : question.optional === true
            ? " [none]"
            : "";
      const given = await answer(`${question.message}${shown}: `, question.flag);
      const value = given === "" ? (question.defaultValue ?? "") : given;
      if (value === "" && question.optional !== true) {
        throw new CliError(`${question.flag}: an answer is needed.`, ExitCode.Usage);
      }
      const problem = value === "" ? undefined : question.check?.(value);
      if (problem !== undefined) throw new CliError(`${question.flag}: ${problem}`, ExitCode.Usage);
      return value;
    },
    async choose(choice: Choice): Promise<string> {
      stderr.write(`${choice.message}:\n`);
      choice.options.forEach((option, index) =>
        stderr.write(`  ${index + 1}) ${option.label}${option.hint ? ` (${option.hint})` : ""}\n`),
      );
      const given = await answer(`Number or ${choice.flag.replace(/^--/, "")}: `, choice.flag);
      const byNumber = /^\d+$/.test(given) ? choice.options[Number(given) - 1] : undefined;
      const picked = byNumber ?? choice.options.find((option) => option.value === given);
      if (picked === undefined) {
        throw new CliError(
          `${choice.flag}: '${escapeControlCharacters(given)}' is not one of the ${choice.options.length} listed.`,
          ExitCode.Usage,
        );
      }
      return picked.value;
    },
    close(): void {
      lines.close();
    },
  };
}
