import { SDK_VERSION } from "../api/sdk-version.js";
import { CliError } from "./cli-error.js";
import { type CliIo, type ResolvedCliIo, resolveCliIo } from "./cli-io.js";
import { configSchemaCommand } from "./config-schema-command.js";
import { environmentSecrets, formatCliError } from "./format-cli-error.js";
import { idCommand } from "./id-command.js";
import { lintCommand } from "./lint-command.js";
import { sendCommand } from "./send-command.js";
import { type CliCommandName, COMMAND_USAGE, MAIN_USAGE } from "./usage.js";
import { validateCommand } from "./validate-command.js";

const COMMANDS: Readonly<Record<CliCommandName, (args: readonly string[], io: ResolvedCliIo) => Promise<number>>> = {
  send: sendCommand,
  validate: validateCommand,
  lint: lintCommand,
  id: idCommand,
  "config-schema": configSchemaCommand,
};

const isCommand = (name: string | undefined): name is CliCommandName =>
  name !== undefined && Object.hasOwn(COMMANDS, name);

/**
 * The `opencti-connector` command line (the package's `bin`): `send`, `validate`, `lint`, `id` and
 * `config-schema`, each with `--help`. Runs one command with the given arguments (without `node` and the script)
 * and resolves with its exit code: 0 on success, 1 on failure or when problems were found, 2 for a bad command
 * line. Never throws and never exits the process: a failure is one line on stderr, without stack trace or secret.
 * Every field of `io` defaults to the real process, so tests run commands in-process.
 *
 * @example
 * ```ts
 * const code = await runCli(["validate", "bundle.json", "--json"]);
 * process.exitCode = code;
 * ```
 */
export async function runCli(argv: readonly string[], io: CliIo = {}): Promise<number> {
  const resolved = resolveCliIo(io);
  const [name, ...args] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    const topic = name === "help" ? args[0] : undefined;
    if (topic !== undefined && isCommand(topic)) resolved.out(COMMAND_USAGE[topic]);
    else (name === undefined ? resolved.err : resolved.out)(MAIN_USAGE);
    return name === undefined ? 2 : 0;
  }
  if (name === "--version" || name === "-v") {
    resolved.out(SDK_VERSION);
    return 0;
  }
  if (!isCommand(name)) {
    resolved.err(`error: unknown command "${name}" (see "opencti-connector --help")`);
    return 2;
  }
  try {
    return await COMMANDS[name](args, resolved);
  } catch (error) {
    resolved.err(`error: ${formatCliError(error, (text) => environmentSecrets(resolved.env).redact(text))}`);
    return CliError.isInstance(error) ? error.exitCode : 1;
  }
}
