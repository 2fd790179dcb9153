import { appendFileSync } from "node:fs";

/** One measured result of the reliability suite, as BENCHMARKS.md reports it. */
export interface Figure {
  /** Short stable name, e.g. `crash`. */
  readonly id: string;
  /** The sentence to publish, e.g. "200/200 crashes survived, 0 corrupt files". */
  readonly summary: string;
  /** The numbers behind the sentence. */
  readonly data: Record<string, unknown>;
}

/**
 * Records a figure: appended (one JSON line) to the file the suite's jest config names in
 * SSO_KIT_RELIABILITY_FIGURES, which the figures reporter prints at the end of the run. Recorded before the
 * test's assertions, so a failing run still shows what was measured.
 */
export const recordFigure = (figure: Figure): void => {
  const file = process.env.SSO_KIT_RELIABILITY_FIGURES;
  const line = JSON.stringify({ ...figure, recordedAt: new Date().toISOString() });
  if (file === undefined || file === "") {
    process.stdout.write(`figure ${line}\n`);
    return;
  }
  appendFileSync(file, `${line}\n`);
};
