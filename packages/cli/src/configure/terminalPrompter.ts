import { Writable } from "node:stream";
import { CliError } from "../errors/CliError.js";
import { ExitCode } from "../ExitCode.js";
import type { OutputStream } from "../output/Output.js";
import type { Choice, Prompter, Question } from "./Prompter.js";

/** Above this many options, a choice is a filter-as-you-type list instead of a plain one. */
const FILTER_ABOVE = 7;
/** A colour (SGR) sequence: what is removed, unlike the cursor moves, when colour is off. */
// eslint-disable-next-line no-control-regex -- matching the escape character is the point
const SGR = /\u001b\[[0-9;]*m/g;
/** Rows of options shown at once. */
const MAX_ITEMS = 10;

/** Where the terminal prompts read and draw. */
export interface TerminalPrompterInit {
  readonly stdin: NodeJS.ReadableStream;
  readonly stderr: OutputStream & { readonly columns?: number; readonly rows?: number };
  /** Whether to colour (see `shouldUseColor`); without it every colour sequence is removed before drawing. */
  readonly color: boolean;
  readonly signal: AbortSignal;
}

/**
 * Terminal prompts with @clack/prompts, drawn on stderr (stdout carries the result): arrow keys to pick, typing
 * to filter long lists. Loaded only by `configure` when stdin and stderr are terminals.
 */
export async function terminalPrompter(init: TerminalPrompterInit): Promise<Prompter> {
  const clack = await import("@clack/prompts");
  const common = {
    input: init.stdin as NodeJS.ReadStream,
    output: drawingStream(init.stderr, init.color),
    signal: init.signal,
  };
  const answered = (value: string | symbol): string => {
    if (typeof value !== "string" || clack.isCancel(value)) {
      throw new CliError("configure was cancelled: nothing was written.", ExitCode.Interrupted);
    }
    return value;
  };
  return {
    async ask(question: Question): Promise<string> {
      const value = answered(
        await clack.text({
          ...common,
          message: question.message,
          ...(question.defaultValue !== undefined && {
            placeholder: question.defaultValue,
            defaultValue: question.defaultValue,
          }),
          ...(question.optional === true && question.defaultValue === undefined && { placeholder: "none" }),
          validate: (given) => {
            const answer = (given ?? "").trim() || (question.defaultValue ?? "");
            if (answer === "") return question.optional === true ? undefined : "An answer is needed.";
            return question.check?.(answer);
          },
        }),
      );
      return value.trim() || (question.defaultValue ?? "");
    },
    async choose(choice: Choice): Promise<string> {
      const options = choice.options.map((option) => ({
        value: option.value,
        label: option.label,
        ...(option.hint !== undefined && { hint: option.hint }),
      }));
      const prompt = { ...common, message: choice.message, options, maxItems: MAX_ITEMS };
      return answered(
        options.length > FILTER_ABOVE
          ? await clack.autocomplete<string>({ ...prompt, placeholder: "type to filter" })
          : await clack.select<string>(prompt),
      );
    },
    close(): void {
      // The prompts release the terminal after each answer.
    },
  };
}

/**
 * The stream the prompts draw on: stderr, with the colour (SGR) sequences removed when colour is off. The prompt
 * library colours with `util.styleText`, which on Node 20 ignores `NO_COLOR`; its cursor moves are kept.
 */
function drawingStream(stderr: TerminalPrompterInit["stderr"], color: boolean): NodeJS.WriteStream {
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      const text = String(chunk);
      stderr.write(color ? text : text.replace(SGR, ""));
      done();
    },
  });
  Object.defineProperties(stream, {
    isTTY: { get: () => stderr.isTTY === true },
    columns: { get: () => stderr.columns ?? 80 },
    rows: { get: () => stderr.rows ?? 24 },
  });
  return stream as unknown as NodeJS.WriteStream;
}
