/** A question with a free-text answer. */
export interface Question {
  /** The question, e.g. `SSO start URL`. */
  readonly message: string;
  /** The flag that answers it on the command line, for messages (`--start-url`). */
  readonly flag: string;
  /** The answer when the user enters nothing. */
  readonly defaultValue?: string | undefined;
  /** Whether an empty answer is allowed (and means "leave it out"). */
  readonly optional?: boolean;
  /** What is wrong with an answer, or `undefined` when it is fine. */
  readonly check?: (answer: string) => string | undefined;
}

/** One of the answers to a {@link Choice} question. */
export interface Option {
  readonly value: string;
  readonly label: string;
  readonly hint?: string | undefined;
}

/** A question answered by picking one of `options`. */
export interface Choice {
  readonly message: string;
  readonly flag: string;
  readonly options: readonly Option[];
}

/** Asks `configure`'s questions: in a terminal (a prompt library), or as plain lines read from stdin. */
export interface Prompter {
  /** The answer, trimmed; the default for an empty answer; `""` for an optional question left empty. */
  ask(question: Question): Promise<string>;
  /** The `value` of the option picked. */
  choose(choice: Choice): Promise<string>;
  /** Releases the input (the process can end). */
  close(): void;
}
