/**
 * How much of the reliability suite's counts a run does: `SSO_KIT_RELIABILITY_SCALE`, a number in (0, 1]
 * (default 1, the counts the suite documents). CI runs the whole suite on every Node.js lane at reduced counts (half
 * on Node 22, a quarter elsewhere): every case still runs everywhere, and the CI run stays within its time budget.
 */
const parseScale = (value: string | undefined): number => {
  if (value === undefined || value === "") return 1;
  const scale = Number(value);
  if (!(scale > 0 && scale <= 1)) {
    throw new Error(`SSO_KIT_RELIABILITY_SCALE must be a number in (0, 1], not ${JSON.stringify(value)}`);
  }
  return scale;
};

const SCALE = parseScale(process.env.SSO_KIT_RELIABILITY_SCALE);

/** `count` at this run's scale, never below `minimum` (what a case needs to mean anything). */
export const scaled = (count: number, minimum: number): number =>
  Math.max(minimum, Math.round(count * SCALE));
