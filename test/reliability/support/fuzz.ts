import { ProviderError } from "@smithy/property-provider";
import fc from "fast-check";

/** How a provider call under fuzzing ended. */
export type Ending = "value" | "typed error" | `untyped: ${string}` | "hang";

/** A call that has not settled after this is a hang. */
export const HANG_MS = 10_000;

/** How a promise settled: its value, its error, or not at all within the time allowed. */
export type Settled<T> = { value: T } | { error: unknown } | { hung: true };

/** Settles `promise`, or reports a hang after `hangMs` (the promise is left to settle unobserved). */
export const settle = async <T>(promise: Promise<T>, hangMs: number): Promise<Settled<T>> => {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<{ hung: true }>((resolve) => {
    timer = setTimeout(() => resolve({ hung: true }), hangMs);
  });
  try {
    return await Promise.race([
      promise.then(
        (value) => ({ value }),
        (error: unknown) => ({ error }),
      ),
      hang,
    ]);
  } finally {
    clearTimeout(timer);
  }
};

/**
 * Runs a provider call and classifies its ending: a value, a typed provider error (a `ProviderError`:
 * TokenProviderError / CredentialsProviderError, with a boolean `tryNextLink` and a message), anything else
 * thrown (a crash: TypeError, RangeError, a bare Error...), or a hang (after {@link HANG_MS}).
 */
export const ending = async (call: () => Promise<unknown>): Promise<Ending> => {
  const settled = await settle(call(), HANG_MS);
  if ("hung" in settled) return "hang";
  if ("value" in settled) return "value";
  const { error } = settled;
  return error instanceof ProviderError && typeof error.tryNextLink === "boolean" && error.message.length > 0
    ? "typed error"
    : `untyped: ${error instanceof Error ? `${error.name}: ${error.message.slice(0, 200)}` : String(error)}`;
};

/** The endings of a fuzzing run, counted by surface, and what went wrong. */
export interface EndingTally {
  /** How many calls of each surface ended each way: `token provider: typed error` -> 1234. */
  readonly endings: Map<string, number>;
  /** What must not happen: each crash or hang, by surface (and whatever else the test adds). */
  readonly bad: string[];
  /** Counts the ending of one call of `surface` (e.g. `read`, `token provider`). */
  note(surface: string, end: Ending): void;
  /** How many calls, over every surface, ended as `kind`. */
  count(kind: "value" | "typed error"): number;
}

/** A fresh {@link EndingTally}. */
export const tallyEndings = (): EndingTally => {
  const endings = new Map<string, number>();
  const bad: string[] = [];
  return {
    endings,
    bad,
    note: (surface, end) => {
      const key = `${surface}: ${end.startsWith("untyped") ? "untyped" : end}`;
      endings.set(key, (endings.get(key) ?? 0) + 1);
      if (end.startsWith("untyped") || end === "hang") bad.push(`${surface}: ${end}`);
    },
    count: (kind) =>
      [...endings].filter(([key]) => key.endsWith(`: ${kind}`)).reduce((sum, [, n]) => sum + n, 0),
  };
};

/** The seed of this run (FUZZ_SEED to replay one), recorded with the figures. */
export const fuzzSeed = (): number =>
  process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : Date.now() % 2 ** 31;

/** Strings a user's files can hold: ASCII, any code point (lone surrogates too), control characters. */
export const oddString = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string(),
    fc.string({ unit: "binary" }),
    fc.string({ unit: "grapheme" }),
    fc.constantFrom(
      "",
      " ",
      "\u0000",
      "\uFEFF",
      "\uD800",
      "🔑",
      "a\r\nb",
      "${HOME}",
      "~/x",
      "../../etc/passwd",
    ),
  );

/** A huge string (above the 1 MiB cache-file limit, sometimes), rarely: it costs a large write. */
export const hugeString = (): fc.Arbitrary<string> =>
  fc.integer({ min: 100_000, max: 1_500_000 }).map((length) => "A".repeat(length));

/** Timestamps as tools write them, and as they should never be written. */
export const oddTimestamp = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc
      .date({ min: new Date(-8.64e15), max: new Date(8.64e15), noInvalidDate: true })
      .map((date) => date.toISOString()),
    fc.date({ noInvalidDate: true }).map((date) => date.toISOString().replace(/\.\d{3}Z$/, "Z")),
    fc.date({ noInvalidDate: true }).map((date) => date.toISOString().replace("Z", "UTC")),
    fc.date({ noInvalidDate: true }).map((date) => date.toUTCString()),
    fc.constantFrom(
      "2021-02-30T00:00:00Z",
      "2021-13-01T00:00:00Z",
      "2099-12-31T23:59:60Z",
      "2099-12-31T23:59:59.123456789Z",
      "2030-01-01",
      "2030-01-01T00:00:00+25:00",
      "+275760-09-13T00:00:00.000Z",
      "-000001-01-01T00:00:00Z",
      "0000-00-00T00:00:00Z",
      "now",
      "Infinity",
      "",
    ),
    fc.integer(),
    fc.double(),
    oddString(),
  );

/** A value of any JSON-compatible type (or worse), for a field that should have a specific one. */
export const anyValue = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.jsonValue() },
    { weight: 2, arbitrary: oddString() },
    { weight: 1, arbitrary: fc.constantFrom(null, true, 0, -1, 1e308, [], {}) },
  );
