/**
 * Drops the state sso-kit keeps once per process on `globalThis` (shared role credentials, token refreshes), for
 * tests that re-import a package with `jest.resetModules()` to start from an empty process: module state goes with
 * the modules, this state does not.
 */
export const forgetProcessWideState = (): void => {
  const global = globalThis as { [key: symbol]: unknown };
  for (const symbol of Object.getOwnPropertySymbols(global)) {
    if (Symbol.keyFor(symbol)?.startsWith("@sso-kit/") === true) {
      delete global[symbol];
    }
  }
};
