import { existsSync } from "node:fs";
import { join } from "node:path";

/**
 * Fails with the command to run when a package's built entry point, which child processes load, is missing (CI
 * builds before testing; a developer running one test file may not have).
 */
export const requireBuilt = (...packages: string[]): void => {
  for (const name of packages) {
    // __dirname although this folder is typed as ESM: jest compiles every test file to CommonJS.
    const entry = join(__dirname, "../../packages", name, "dist/esm/index.js");
    if (!existsSync(entry)) {
      throw new Error(`Build first: npx -y pnpm@12.21.0 --filter @sso-kit/${name} build (missing ${entry})`);
    }
  }
};
