/**
 * Node's `require` anchored in this package (its dependencies resolve from here), or `undefined` where the
 * running code has none: the CommonJS build's own; in the ES build, the one build.mjs makes with
 * `createRequire(import.meta.url)`; jest's under jest. See `loadCommonJsModule` of token-provider. Each package
 * has its own, since a dependency resolves from the package that declares it.
 */
export const nodeRequire: NodeJS.Require | undefined = typeof require === "function" ? require : undefined;
