// One process asking the BUILT fromSSO for role credentials with the init in SSO_KIT_TEST_INIT (JSON): prints
// "ready", waits for a line on stdin (so that a test can start many processes at the same moment), then prints one
// JSON line: { accessKeyId, expiration } or { error, reason }. The secret key and session token never leave it.
import { fromSSO } from "@sso-kit/credential-provider";
import { once } from "node:events";
import { createInterface } from "node:readline";

const init = JSON.parse(process.env.SSO_KIT_TEST_INIT);
const warnings = [];
const logger = { debug() {}, info() {}, warn: (message) => warnings.push(String(message)), error() {} };
// Loaded before "ready", so that every process is at the same point when the test says go.
await import("@aws-sdk/client-sso");
const lines = createInterface({ input: process.stdin });
process.stdout.write("ready\n");
await once(lines, "line");
lines.close();
try {
  const identity = await fromSSO({ ...init, logger })();
  process.stdout.write(
    `${JSON.stringify({ accessKeyId: identity.accessKeyId, expiration: identity.expiration.toISOString(), warnings })}\n`,
  );
} catch (error) {
  process.stdout.write(
    `${JSON.stringify({ error: `${error.name}: ${error.message}`, reason: error.reason })}\n`,
  );
}
