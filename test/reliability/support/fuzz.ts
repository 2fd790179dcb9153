import { ProviderError } from "@smithy/property-provider";
import fc from "fast-check";

/** How a provider call under fuzzing ended. */
export type Ending = "value" | "typed error" | `untyped: ${string}` | "hang";

/** A call that has not settled after this is a hang. */
export const HANG_MS = 10_000;

/**
 * Runs a provider call and classifies its ending: a value, a typed provider error (a `ProviderError`:
 * TokenProviderError / CredentialsProviderError, with a boolean `tryNextLink` and a message), anything else
 * thrown (a crash: TypeError, RangeError, a bare Error...), or a hang.
 */
export const ending = async (call: () => Promise<unknown>): Promise<Ending> => {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<Ending>((resolve) => {
    timer = setTimeout(() => resolve("hang"), HANG_MS);
  });
  try {
    return await Promise.race([
      call().then(
        (): Ending => "value",
        (error: unknown): Ending =>
          error instanceof ProviderError && typeof error.tryNextLink === "boolean" && error.message.length > 0
            ? "typed error"
            : `untyped: ${error instanceof Error ? `${error.name}: ${error.message.slice(0, 200)}` : String(error)}`,
      ),
      hang,
    ]);
  } finally {
    clearTimeout(timer);
  }
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
