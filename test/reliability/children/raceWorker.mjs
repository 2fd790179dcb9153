// A long-lived process of the rotation race: loads the BUILT token provider (and the SSO-OIDC client it loads on
// its first refresh), prints "ready", then for every stdin line {"round", "session"} asks a new provider for that
// session's token and prints one JSON line: { round, tokenHash, expiration } or { round, error }.
// Each round names its own sso-session (a new cache file), so that the provider's one-attempt-per-30-s
// throttle of a process never applies: every round is a first attempt in all 16 processes at once.
import { fromSsoSession } from "@sso-kit/token-provider";
import { createHash } from "node:crypto";
import { createInterface } from "node:readline";

await import("@aws-sdk/client-sso-oidc");
const lines = createInterface({ input: process.stdin });
process.stdout.write("ready\n");
for await (const line of lines) {
  const { round, session } = JSON.parse(line);
  try {
    const token = await fromSsoSession({ session })();
    // The token is a secret: only its hash leaves the process.
    const tokenHash = createHash("sha256").update(token.token).digest("hex");
    process.stdout.write(
      `${JSON.stringify({ round, tokenHash, expiration: token.expiration.toISOString() })}\n`,
    );
  } catch (error) {
    process.stdout.write(`${JSON.stringify({ round, error: `${error.name}: ${error.message}` })}\n`);
  }
}
