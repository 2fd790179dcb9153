/**
 * Node's `require` anchored in this package (its dependencies resolve from here), or `undefined` where the
 * running code has none: the CommonJS build's own; in the ES build, the one build.mjs makes with
 * `createRequire(import.meta.url)`; jest's under jest. See {@link loadCommonJsModule}.
 */
export const nodeRequire: NodeJS.Require | undefined = typeof require === "function" ? require : undefined;
