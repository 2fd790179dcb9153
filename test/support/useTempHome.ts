import { enterTempHome, type TempHome, type TempHomeOptions } from "./enterTempHome.js";

/**
 * A fresh temporary HOME for each test of the file (or describe block), with no AWS_* variable pointing elsewhere
 * (see {@link enterTempHome}); the environment is restored and the directory removed after each test. `dir` is
 * the current test's HOME: read it inside tests and hooks, not when the file loads.
 */
export const useTempHome = (options: TempHomeOptions = {}): { readonly dir: string } => {
  const state = { dir: "" };
  let current: TempHome | undefined;
  beforeEach(() => {
    current = enterTempHome(options);
    state.dir = current.dir;
  });
  afterEach(() => {
    current?.restore();
    current = undefined;
  });
  return state;
};
