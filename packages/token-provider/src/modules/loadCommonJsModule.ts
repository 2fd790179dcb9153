/**
 * A CommonJS dependency (every AWS SDK and Smithy package Node loads is one), loaded the fastest way the running
 * build allows: with `nodeRequire` (the package's {@link nodeRequire}, anchored where the dependency is declared)
 * when there is one, else with `importModule`, an `import()` of the same name that bundlers follow and bundle.
 *
 * Why not `import()` alone: from an ES module, Node loads a CommonJS package through its ES loader, which costs
 * several times the `require()` of the same files (measured in a process that already loaded the SDK, as a program
 * with a client has: 77 ms against 24 ms for `@aws-sdk/client-sso` on a loaded machine; see BENCHMARKS.md). Both
 * ways give the same instance: Node keeps one copy of a CommonJS module for `require()` and `import()`.
 *
 * A name `nodeRequire` cannot find (in a consumer's bundle run without `node_modules`) is imported instead; any
 * other error is the dependency's own and is thrown.
 */
export const loadCommonJsModule = async <Module>(
  nodeRequire: NodeJS.Require | undefined,
  specifier: string,
  importModule: () => Promise<Module>,
): Promise<Module> => {
  if (nodeRequire !== undefined) {
    try {
      return nodeRequire(specifier) as Module;
    } catch (error) {
      if (!isNotFound(error, specifier)) throw error;
    }
  }
  return importModule();
};

/** Not `instanceof Error`: a sandbox's `require` (jest's, a vm's) throws errors of another realm. */
const isNotFound = (error: unknown, specifier: string): boolean => {
  const { code, message } = (typeof error === "object" && error !== null ? error : {}) as Record<
    string,
    unknown
  >;
  return code === "MODULE_NOT_FOUND" && typeof message === "string" && message.includes(`'${specifier}'`);
};
