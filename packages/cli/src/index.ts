export { runCli } from "./runCli.js";
export { ExitCode } from "./ExitCode.js";
export type { CliIo } from "./program/CliIo.js";
export type { OutputStream } from "./output/Output.js";
