/**
 * The secret scans of the tests: sentinel secrets to plant, the secrets cache files hold, and which of them a
 * text (output, error, log) repeats.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { inspect } from "node:util";

/** Keys under which cache files (SSO token, registration, role credentials) hold secrets. */
const SECRET_KEYS = new Set([
  "accessToken",
  "refreshToken",
  "clientSecret",
  "secretAccessKey",
  "sessionToken",
  "SecretAccessKey",
  "SessionToken",
]);

/** A sentinel secret: recognisable and unique, so that any appearance in output is a leak. */
export const sentinel = (kind: string, id: string | number): string =>
  `SENTINEL-${kind}-${id}-${Math.random().toString(36).slice(2, 10)}`;

/** One case's secrets: what the token cache, the client registration and the role credentials hold. */
export interface SentinelSecrets {
  accessToken: string;
  refreshToken: string;
  clientSecret: string;
  secretAccessKey: string;
  sessionToken: string;
}

/** A fresh set of sentinel secrets for case `id`. */
export const sentinelSecrets = (id: string | number): SentinelSecrets => ({
  accessToken: sentinel("AT", id),
  refreshToken: sentinel("RT", id),
  clientSecret: sentinel("CS", id),
  secretAccessKey: sentinel("SK", id),
  sessionToken: sentinel("ST", id),
});

/** Every string under a secret-named key, at any depth, of the JSON files in `directory` (unreadable ones skipped). */
export const secretsInFiles = (directory: string): string[] => {
  const found: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === "object") {
      for (const [key, inner] of Object.entries(value)) {
        if (SECRET_KEYS.has(key) && typeof inner === "string" && inner.length >= 8) found.push(inner);
        else walk(inner);
      }
    }
  };
  let names: string[];
  try {
    names = readdirSync(directory);
  } catch {
    return found;
  }
  for (const name of names.filter((entry) => entry.endsWith(".json"))) {
    try {
      walk(JSON.parse(readFileSync(join(directory, name), "utf8")));
    } catch {
      // not JSON: holds nothing to look for
    }
  }
  return found;
};

/** An error as a user or a log could see it: message, stack and every property and cause, deeply. */
export const errorText = (error: unknown): string =>
  error instanceof Error
    ? `${error.message}\n${error.stack ?? ""}\n${inspect(error, { depth: 8, showHidden: false })}`
    : inspect(error, { depth: 8 });

/**
 * The secrets of `secrets` that occur in `text`, or, when none does, the first "SENTINEL-..." in it: a sentinel
 * the caller did not collect is a leak too.
 */
export const leakedIn = (text: string, secrets: Iterable<string>): string[] => {
  const leaks = [...new Set(secrets)].filter((secret) => text.includes(secret));
  const stray = /SENTINEL-[\w-]+/.exec(text)?.[0];
  return leaks.length === 0 && stray !== undefined ? [stray] : leaks;
};
