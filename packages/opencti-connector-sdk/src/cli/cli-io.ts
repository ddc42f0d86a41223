import type { Clock } from "../clock/clock.js";
import { systemClock } from "../clock/clock.js";
import type { SignalSource } from "../helper/shutdown-signal.js";

/**
 * The process around a CLI run, all optional: `runCli` uses the real process when a field is absent, so tests run
 * commands in-process with their own streams, environment and clock.
 */
export interface CliIo {
  /** Read by `send -`, `validate -` and `id -`; default `process.stdin`. */
  readonly stdin?: AsyncIterable<Uint8Array | string> | undefined;
  /** Results (summaries, ids, problems); default `process.stdout`. */
  readonly stdout?: NodeJS.WritableStream | undefined;
  /** Errors, progress and logs; default `process.stderr`. */
  readonly stderr?: NodeJS.WritableStream | undefined;
  /** Configuration variables; default `process.env`. */
  readonly env?: NodeJS.ProcessEnv | undefined;
  /** Directory relative paths are resolved against; default `process.cwd()`. */
  readonly cwd?: string | undefined;
  /** Times `send` (elapsed time, objects/s, progress lines); default the system clock. */
  readonly clock?: Clock | undefined;
  /** Where SIGINT and SIGTERM come from during `send`; default `process`. */
  readonly signals?: SignalSource | undefined;
}

/** {@link CliIo} with every default applied. */
export interface ResolvedCliIo {
  readonly stdin: AsyncIterable<Uint8Array | string>;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  readonly clock: Clock;
  readonly signals: SignalSource;
  /** Writes one line to stdout. */
  out(line: string): void;
  /** Writes one line to stderr. */
  err(line: string): void;
}

/** Applies the process defaults to `io`. */
export function resolveCliIo(io: CliIo): ResolvedCliIo {
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  return {
    stdin: io.stdin ?? process.stdin,
    stdout,
    stderr,
    env: io.env ?? process.env,
    cwd: io.cwd ?? process.cwd(),
    clock: io.clock ?? systemClock,
    signals: io.signals ?? process,
    out: (line) => stdout.write(`${line}\n`),
    err: (line) => stderr.write(`${line}\n`),
  };
}
