/**
 * The one value of `key` in this process, created by the first copy of sso-kit that asks for it. A process can hold
 * several copies of a package: the ESM and the CommonJS build of one version (an ESM app with a CommonJS
 * dependency), or two versions installed side by side. State that must be shared (the role credentials, the token
 * refreshes under way) therefore lives on `globalThis` under `Symbol.for(key)`, not in a module variable.
 *
 * The key names the package, the state and the version of its shape, e.g.
 * `@sso-kit/credential-provider/role-credentials@1`: bump the number whenever the value's shape or meaning changes,
 * so that copies that disagree on it each keep their own value rather than corrupt each other's.
 */
export const processWide = <T extends object>(key: string, create: () => T): T => {
  const symbol = Symbol.for(key);
  const holder = globalThis as { [key: symbol]: T | undefined };
  const existing = holder[symbol];
  if (existing !== undefined) {
    return existing;
  }
  const value = create();
  // Not enumerable: nothing that lists the global object's properties sees it.
  Object.defineProperty(globalThis, symbol, {
    value,
    enumerable: false,
    writable: false,
    configurable: true,
  });
  return value;
};
