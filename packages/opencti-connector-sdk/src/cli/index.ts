export type { CliIo } from "./cli-io.js";
export { runCli } from "./run-cli.js";
