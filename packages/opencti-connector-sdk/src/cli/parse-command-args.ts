import { type ParseArgsConfig, parseArgs } from "node:util";
import { CliError } from "./cli-error.js";
import type { CliCommandName } from "./usage.js";

/** A usage error of `command`, with the hint to its help. */
export function usageError(command: CliCommandName, message: string): CliError {
  return new CliError(`${message} (see "opencti-connector ${command} --help")`, { exitCode: 2 });
}

/** The `--help` option every command accepts. */
const HELP_OPTION = { help: { type: "boolean", short: "h" } } as const;

type OptionsConfig = NonNullable<ParseArgsConfig["options"]>;
type CommandConfig<O extends OptionsConfig> = {
  args: string[];
  options: O & typeof HELP_OPTION;
  allowPositionals: true;
  strict: true;
};

/**
 * Parses a command's arguments with `node:util` `parseArgs` (strict, positionals allowed, `-h`/`--help` added to
 * `options`) and checks the number of positionals unless `--help` was given. Throws a {@link CliError} with exit
 * code 2 naming the problem.
 */
export function parseCommandArgs<const O extends OptionsConfig>(
  command: CliCommandName,
  args: readonly string[],
  options: O,
  positionals: { min: number; max: number; names: string },
): ReturnType<typeof parseArgs<CommandConfig<O>>> {
  let parsed: ReturnType<typeof parseArgs<CommandConfig<O>>>;
  try {
    parsed = parseArgs<CommandConfig<O>>({
      args: [...args],
      options: { ...options, ...HELP_OPTION },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    const message = (error as Error).message;
    const unknown = /^Unknown option '([^']+)'/.exec(message)?.[1];
    throw usageError(
      command,
      unknown === undefined ? (message.split("\n")[0] ?? message) : `unknown option ${unknown}`,
    );
  }
  const count = parsed.positionals.length;
  const help = (parsed.values as { help?: boolean }).help === true;
  if (!help && (count < positionals.min || count > positionals.max)) {
    const what =
      count < positionals.min
        ? `expected ${positionals.names}`
        : `unexpected argument "${parsed.positionals[positionals.max]}"`;
    throw usageError(command, what);
  }
  return parsed;
}

/** Reads a positive integer option; `fallback` when absent. */
export function positiveInteger(command: CliCommandName, name: string, value: string | undefined, fallback: number) {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0) {
    throw usageError(command, `--${name} must be a positive integer, got "${value}"`);
  }
  return number;
}

/** Reads a non-negative number option; `fallback` when absent. */
export function nonNegativeNumber(command: CliCommandName, name: string, value: string | undefined, fallback: number) {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (value.trim() === "" || !Number.isFinite(number) || number < 0) {
    throw usageError(command, `--${name} must be a number of seconds (0 or more), got "${value}"`);
  }
  return number;
}

/** Parses the arguments of a command taking one bundle (file, directory or `-`) and `--json`. */
export function parseReportArgs(
  command: CliCommandName,
  args: readonly string[],
  names: string,
): { target: string; json: boolean; help: boolean } {
  const { values, positionals } = parseCommandArgs(
    command,
    args,
    { json: { type: "boolean" } },
    { min: 1, max: 1, names },
  );
  return { target: positionals[0] ?? "", json: values.json === true, help: values.help === true };
}
