#!/usr/bin/env node
import { runEmulatorCli } from "../cli/runEmulatorCli.js";

void runEmulatorCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
