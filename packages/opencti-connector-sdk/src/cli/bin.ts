#!/usr/bin/env node
/** The `opencti-connector` executable: runs the command line on this process and exits with its code. */
import { runCli } from "./run-cli.js";

/** Exit once the command is done, even if a library left a handle open; output is flushed first. */
const FORCED_EXIT_AFTER_MS = 5_000;

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    setTimeout(() => process.exit(code), FORCED_EXIT_AFTER_MS).unref();
  },
  (error: unknown) => {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
