import { readFileSync, realpathSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { CliError } from "../errors/CliError.js";

/**
 * The path of `@sso-kit/emulator`'s own bin (`sso-kit-emulator`, from its package.json), so that
 * `sso-kit emulator` runs exactly that program instead of a copy of it. The package is resolved from the
 * running `sso-kit` script (this source is built both as ESM and CommonJS, so it cannot use `import.meta`).
 */
export function resolveEmulatorBin(): string {
  const script = process.argv[1];
  const from = script ? realpathSync(script) : path.join(process.cwd(), "sso-kit");
  let manifestPath: string;
  try {
    manifestPath = createRequire(from).resolve("@sso-kit/emulator/package.json");
  } catch {
    throw new CliError("The emulator is not installed: install @sso-kit/emulator next to @sso-kit/cli.");
  }
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { bin?: unknown };
  const bin =
    typeof manifest.bin === "string"
      ? manifest.bin
      : typeof manifest.bin === "object" && manifest.bin !== null
        ? (manifest.bin as Record<string, unknown>)["sso-kit-emulator"]
        : undefined;
  if (typeof bin !== "string") {
    throw new CliError(`@sso-kit/emulator (${manifestPath}) declares no sso-kit-emulator bin; reinstall it.`);
  }
  return path.resolve(path.dirname(manifestPath), bin);
}
