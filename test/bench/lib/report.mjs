// The benchmark table: one row per figure, sso-kit beside the official package, the ratio of the medians of this
// run, the target and whether it was met. Printed as aligned text or as Markdown (for BENCHMARKS.md).
import { formatRatio, formatSummary, ratio } from "./stats.mjs";

const COLUMNS = ["benchmark", "metric", "ours", "official", "ratio", "target", "met"];
const HEADERS = {
  benchmark: "benchmark",
  metric: "metric",
  ours: "sso-kit",
  official: "official",
  ratio: "ratio",
  target: "target",
  met: "met",
};

/** Rows of the table for whatever benchmarks `results` holds. */
export const tableRows = (results) => {
  const rows = [];
  /** `met`: true / false against the target, undefined when the row has no target. */
  const row = ({ benchmark, metric, ours, official = "n/a", r = "", target = "", met }) =>
    rows.push({
      benchmark,
      metric,
      ours,
      official,
      ratio: r,
      target,
      met: met === undefined ? "" : met ? "yes" : "NO",
    });
  const count = (s) => formatSummary(s, "", 0);

  const cold = results.cold;
  // First, what a program sees: an STS client with credentials: fromSSO(), making one call, in a new process.
  if (cold?.["sso-kit/sdk-client"]) {
    const ours = cold["sso-kit/sdk-client"];
    const theirs = cold["official/sdk-client"];
    const wall = ratio(ours.wallMs.median, theirs.wallMs.median);
    const rss = ratio(ours.maxRssMb.median, theirs.maxRssMb.median);
    const benchmark = "1 cold, realistic";
    row({
      benchmark,
      metric: "STS client + fromSSO(), 1 call: whole process, ms",
      ours: formatSummary(ours.wallMs),
      official: formatSummary(theirs.wallMs),
      r: formatRatio(wall),
      target: "≤ 1.0×",
      met: wall <= 1,
    });
    // A figure: the work behind the wall time, which a loaded machine inflates (see children/resolve.mjs).
    row({
      benchmark,
      metric: "STS client + fromSSO(), 1 call: CPU time, ms",
      ours: formatSummary(ours.cpuMs),
      official: formatSummary(theirs.cpuMs),
      r: formatRatio(ratio(ours.cpuMs.median, theirs.cpuMs.median)),
    });
    row({
      benchmark,
      metric: "STS client + fromSSO(), 1 call: peak RSS, MB",
      ours: formatSummary(ours.maxRssMb),
      official: formatSummary(theirs.maxRssMb),
      r: formatRatio(rss),
      target: "≤ 1.0×",
      met: rss <= 1,
    });
  }
  if (cold) {
    for (const modules of ["esm", "cjs"]) {
      const ours = cold[`sso-kit/${modules}`];
      const theirs = cold[`official/${modules}`];
      const how = modules === "esm" ? "import()" : "require()";
      const wall = ratio(ours.wallMs.median, theirs.wallMs.median);
      const load = ratio(ours.importMs.median, theirs.importMs.median);
      const benchmark = "1 cold";
      row({
        benchmark,
        metric: `${how}: whole process, ms`,
        ours: formatSummary(ours.wallMs),
        official: formatSummary(theirs.wallMs),
        r: formatRatio(wall),
        // Issue 10: no slower than the official package's own cold start.
        target: "≤ 1.0×",
        met: wall <= 1.0,
      });
      row({
        benchmark,
        metric: `${how}: CPU time, ms`,
        ours: formatSummary(ours.cpuMs),
        official: formatSummary(theirs.cpuMs),
        r: formatRatio(ratio(ours.cpuMs.median, theirs.cpuMs.median)),
      });
      // A figure, not a target: what a program waits for is the whole process (above).
      row({
        benchmark,
        metric: `${how}: module load, ms`,
        ours: formatSummary(ours.importMs),
        official: formatSummary(theirs.importMs),
        r: formatRatio(load),
      });
      row({
        benchmark,
        metric: `${how}: resolve (1 GetRoleCredentials), ms`,
        ours: formatSummary(ours.resolveMs),
        official: formatSummary(theirs.resolveMs),
        r: formatRatio(ratio(ours.resolveMs.median, theirs.resolveMs.median)),
      });
    }
  }
  const warm = results.warm;
  if (warm) {
    const ours = warm["sso-kit"].opsPerSecond;
    const theirs = warm.official.opsPerSecond;
    const millions = (s) => ({ ...s, median: s.median / 1e6, min: s.min / 1e6, max: s.max / 1e6 });
    const r = ratio(ours.median, theirs.median);
    row({
      benchmark: "2 warm",
      metric: "memoized resolves, M/s",
      ours: formatSummary(millions(ours), "", 2),
      official: formatSummary(millions(theirs), "", 2),
      r: formatRatio(r),
      target: "≥ 1 M/s, ≥ 1×",
      met: ours.median >= 1e6 && r >= 1,
    });
  }
  const fanOut = results["fan-out"];
  if (fanOut) {
    for (const [state, { "sso-kit": ours, official: theirs }] of Object.entries(fanOut)) {
      const benchmark = "3 fan-out";
      row({
        benchmark,
        metric: `${state}: GetRoleCredentials`,
        ours: count(ours.getRoleCredentials),
        official: count(theirs.getRoleCredentials),
        target: "1",
        met: ours.getRoleCredentials.max === 1,
      });
      row({
        benchmark,
        metric: `${state}: CreateToken`,
        ours: count(ours.createToken),
        official: count(theirs.createToken),
        target: "≤ 1",
        met: ours.createToken.max <= 1,
      });
      row({
        benchmark,
        metric: `${state}: failed calls of ${ours.calls}`,
        ours: count(ours.failedCalls),
        official: count(theirs.failedCalls),
        target: "0",
        met: ours.failedCalls.max === 0,
      });
    }
  }
  const cross = results["cross-process"];
  if (cross) {
    const { "sso-kit": ours, official: theirs } = cross;
    const benchmark = "4 cross-process";
    const [survived, runs] = ours.sessionSurvived.split("/");
    row({
      benchmark,
      metric: `successes of ${ours.processes}`,
      ours: count(ours.successes),
      official: count(theirs.successes),
      target: `${ours.processes}/${ours.processes}`,
      met: ours.successes.min === ours.processes,
    });
    row({
      benchmark,
      metric: "CreateToken",
      ours: count(ours.createToken),
      official: count(theirs.createToken),
      target: "1",
      met: ours.createToken.max === 1,
    });
    if (ours.getRoleCredentials) {
      row({
        benchmark,
        metric: "GetRoleCredentials (sso-kit: shared cache)",
        ours: count(ours.getRoleCredentials),
        official: count(theirs.getRoleCredentials),
        target: "1",
        met: ours.getRoleCredentials.max === 1,
      });
    }
    if (ours.getRoleCredentialsTokenValid) {
      row({
        benchmark,
        metric: "token valid: GetRoleCredentials (sso-kit: shared cache)",
        ours: count(ours.getRoleCredentialsTokenValid),
        official: count(theirs.getRoleCredentialsTokenValid),
        target: "1",
        met: ours.getRoleCredentialsTokenValid.max === 1,
      });
    }
    row({
      benchmark,
      metric: "session survives (runs)",
      ours: ours.sessionSurvived,
      official: theirs.sessionSurvived,
      target: "yes",
      met: survived === runs,
    });
  }
  const process = results["credential-process"];
  if (process) {
    const benchmark = "5 credential_process";
    row({
      benchmark,
      metric: `GetRoleCredentials per ${process.runsPerSeries} runs`,
      ours: count(process.getRoleCredentials),
      target: "1",
      met: process.getRoleCredentials.max === 1,
    });
    row({ benchmark, metric: "wall time per run, ms", ours: formatSummary(process.wallMs) });
  }
  if (cold) {
    for (const modules of ["esm", "cjs"]) {
      const ours = cold[`sso-kit/${modules}`];
      const theirs = cold[`official/${modules}`];
      row({
        benchmark: "6 memory",
        metric: `peak RSS, cold ${modules === "esm" ? "import()" : "require()"} process, MB`,
        ours: formatSummary(ours.maxRssMb),
        official: formatSummary(theirs.maxRssMb),
        r: formatRatio(ratio(ours.maxRssMb.median, theirs.maxRssMb.median)),
      });
    }
  }
  const throttled = results["throttled-ls"];
  if (throttled) {
    const benchmark = "7 throttled ls";
    const what = `${throttled.accounts} accounts at 20 requests/s`;
    row({
      benchmark,
      metric: `${what}: failed runs of ${throttled.runs}`,
      ours: String(throttled.failures),
      target: "0",
      met: throttled.failures === 0,
    });
    row({ benchmark, metric: `${what}: wall time, s`, ours: formatSummary(seconds(throttled.wallMs)) });
    row({ benchmark, metric: `${what}: 429s met and retried`, ours: count(throttled.throttled) });
  }
  return rows;
};

const seconds = (s) => ({ ...s, median: s.median / 1000, min: s.min / 1000, max: s.max / 1000 });

/** The rows as aligned text columns, or as a Markdown table. */
export const formatTable = (rows, { markdown = false } = {}) => {
  if (markdown) {
    const line = (r) => `| ${COLUMNS.map((k) => String(r[k]).replaceAll("|", "\\|")).join(" | ")} |`;
    return [line(HEADERS), `| ${COLUMNS.map(() => "---").join(" | ")} |`, ...rows.map(line)].join("\n");
  }
  const widths = Object.fromEntries(
    COLUMNS.map((k) => [k, Math.max(HEADERS[k].length, ...rows.map((r) => String(r[k]).length))]),
  );
  const line = (r) =>
    COLUMNS.map((k) => String(r[k]).padEnd(widths[k]))
      .join("  ")
      .trimEnd();
  return [line(HEADERS), COLUMNS.map((k) => "-".repeat(widths[k])).join("  "), ...rows.map(line)].join("\n");
};
