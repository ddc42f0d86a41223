import { CliError } from "./cli-error.js";
import type { CliCommandName } from "./usage.js";

/** A usage error of `command`, with the hint to its help. */
export function usageError(command: CliCommandName, message: string): CliError {
  return new CliError(`${message} (see "opencti-connector ${command} --help")`, { exitCode: 2 });
}

/** The `--help` option every command accepts, for its `parseArgs` options. */
export const HELP_OPTION = { help: { type: "boolean", short: "h" } } as const;

/**
 * Runs a command's `node:util` `parseArgs` call (strict, positionals allowed) and checks the number of
 * positionals unless `--help` was given. Throws a {@link CliError} with exit code 2 naming the problem.
 */
export function parseCommandArgs<T extends { values: { help?: boolean | undefined }; positionals: string[] }>(
  command: CliCommandName,
  parse: () => T,
  positionals: { min: number; max: number; names: string },
): T {
  let parsed: T;
  try {
    parsed = parse();
  } catch (error) {
    const message = (error as Error).message;
    const unknown = /^Unknown option '([^']+)'/.exec(message)?.[1];
    throw usageError(
      command,
      unknown === undefined ? (message.split("\n")[0] ?? message) : `unknown option ${unknown}`,
    );
  }
  const count = parsed.positionals.length;
  if (parsed.values.help !== true && (count < positionals.min || count > positionals.max)) {
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
