// One process asking the built token provider for the session's token: prints one JSON line
// ({ tokenHash, expiration } or { error, tryNextLink }). With SSO_KIT_WAIT_FOR_GO it prints "ready" first and
// waits for a line on stdin, so that a test can start many processes at the same moment.
import { fromSsoSession } from "@sso-kit/token-provider";
import { createHash } from "node:crypto";
import { once } from "node:events";
import { createInterface } from "node:readline";

const session = JSON.parse(process.env.SSO_KIT_TEST_SESSION);
const refreshWindowMs = process.env.SSO_KIT_REFRESH_WINDOW_MS;
const provider = fromSsoSession({
  session,
  ...(refreshWindowMs !== undefined && { refreshWindowMs: Number(refreshWindowMs) }),
});

if (process.env.SSO_KIT_WAIT_FOR_GO !== undefined) {
  const lines = createInterface({ input: process.stdin });
  process.stdout.write("ready\n");
  await once(lines, "line");
  lines.close();
}

try {
  const token = await provider();
  // The token itself is a secret: only its hash leaves the process.
  const tokenHash = createHash("sha256").update(token.token).digest("hex");
  process.stdout.write(`${JSON.stringify({ tokenHash, expiration: token.expiration.toISOString() })}\n`);
} catch (error) {
  process.stdout.write(
    `${JSON.stringify({ error: `${error.name}: ${error.message}`, tryNextLink: error.tryNextLink })}\n`,
  );
}
