// Summaries of repeated measurements: median with min and max (the machine is shared and noisy, so a single run
// means little), and ratios of medians measured in the same run.

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** { median, min, max, n } of `values`. */
export const summary = (values) => ({
  median: median(values),
  min: Math.min(...values),
  max: Math.max(...values),
  n: values.length,
});

/** "12.3 (10.1–15.2)" with `digits` decimals and an optional unit. */
export const formatSummary = (s, unit = "", digits = 1) => {
  const f = (v) => v.toFixed(digits);
  return s.n > 1 ? `${f(s.median)}${unit} (${f(s.min)}–${f(s.max)})` : `${f(s.median)}${unit}`;
};

/** Ratio of two medians, e.g. "0.42×". */
export const ratio = (ours, theirs) => (theirs === 0 ? Infinity : ours / theirs);
export const formatRatio = (r) => (Number.isFinite(r) ? `${r.toFixed(2)}×` : "–");
