// A long-lived process of the shared role-credential cache race: loads the BUILT credential provider, prints
// "ready", then for every stdin line {"round", "init"} asks a new fromSSO provider (with roleCredentialCache:
// "shared") for credentials and prints one JSON line: { round, accessKeyId } or { round, error }.
// Each round names its own sso-session, so neither this process's memory nor last round's file already holds
// the round's credentials: every round is a first fetch in all the processes at once.
import { fromSSO } from "@sso-kit/credential-provider";
import { createInterface } from "node:readline";

await import("@aws-sdk/client-sso");
const lines = createInterface({ input: process.stdin });
process.stdout.write("ready\n");
for await (const line of lines) {
  const { round, init } = JSON.parse(line);
  try {
    const identity = await fromSSO({ ...init, roleCredentialCache: "shared" })();
    process.stdout.write(`${JSON.stringify({ round, accessKeyId: identity.accessKeyId })}\n`);
  } catch (error) {
    process.stdout.write(`${JSON.stringify({ round, error: `${error.name}: ${error.message}` })}\n`);
  }
}
