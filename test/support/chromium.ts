import { existsSync } from "node:fs";

/** Where a Chromium is looked for: CHROMIUM_PATH first, then where Debian and Ubuntu install it. */
const CANDIDATES = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];

/**
 * The Chromium for the real-browser tests of `suite` (e.g. `test/login`), or undefined: then the suite is to be
 * skipped, and this prints why and how to install one, so that a skip is never silent.
 */
export const findChromium = (suite: string): string | undefined => {
  const found = CANDIDATES.find(
    (candidate): candidate is string => candidate !== undefined && existsSync(candidate),
  );
  if (found === undefined) {
    console.warn(
      `${suite}: skipping the real-browser tests: no Chromium at ${CANDIDATES.filter(Boolean).join(", ")} ` +
        "(apt-get install chromium, or set CHROMIUM_PATH)",
    );
  }
  return found;
};
