// Reads the token file with plain fs + JSON.parse as fast as it can until the stop file appears (at most 60 s);
// prints { reads, failures, firstFailure }. A partial, empty or missing file counts as a failure.
import { existsSync, readFileSync } from "node:fs";

const path = process.env.SSO_KIT_TOKEN_PATH;
const stopFile = process.env.SSO_KIT_STOP_FILE;
const deadline = Date.now() + 60_000;
let reads = 0;
let failures = 0;
let firstFailure;
process.stdout.write("ready\n");
while (!existsSync(stopFile) && Date.now() < deadline) {
  try {
    const token = JSON.parse(readFileSync(path, "utf8"));
    if (typeof token.accessToken !== "string" || typeof token.expiresAt !== "string")
      throw new Error("fields missing");
  } catch (error) {
    failures += 1;
    firstFailure ??= error.code ?? error.name;
  }
  reads += 1;
}
process.stdout.write(`${JSON.stringify({ reads, failures, firstFailure })}\n`);
