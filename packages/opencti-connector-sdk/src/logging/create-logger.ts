import winston from "winston";
import type { Clock } from "../clock/clock.js";
import { systemClock } from "../clock/clock.js";
import { formatJsonLine, formatPlainLine, type LogLine } from "./format-log-line.js";
import type { LogAttributes, Logger, LogLevel } from "./logger.js";
import { SecretRedactor } from "./secret-redactor.js";
import { errorTrace, serializeLogValue } from "./serialize-log-value.js";

/** winston's key for the formatted line (triple-beam's `MESSAGE`). */
const MESSAGE = Symbol.for("message");
const LEVELS: Readonly<Record<LogLevel, number>> = { error: 0, warn: 1, info: 2, debug: 3 };

/** Options of {@link createLogger}. */
export interface CreateLoggerOptions {
  /** Logger name (`CONNECTOR_NAME` for connector logs; children such as the API client use `api`). */
  name: string;
  /** Threshold (`CONNECTOR_LOG_LEVEL`). */
  level: LogLevel;
  /** JSON lines in pycti's shape (`OPENCTI_JSON_LOGGING`), else plain `LEVEL:name:message`. */
  json: boolean;
  /** Values to redact, or a redactor shared with other parts of the connector. */
  secrets?: Iterable<string | undefined> | SecretRedactor;
  /** Where lines go; default `process.stderr`. */
  stream?: NodeJS.WritableStream;
  /** Source of timestamps; default the system clock. */
  clock?: Clock;
}

/** The SDK's production {@link Logger}: winston, pycti's line format, secret redaction. */
export interface SdkLogger extends Logger {
  /** Shared by this logger and its children; add secrets learnt after start-up here. */
  readonly redactor: SecretRedactor;
  readonly level: LogLevel;
  isLevelEnabled(level: LogLevel): boolean;
  child(attributes: LogAttributes, name?: string): SdkLogger;
  /** Resolves once every line logged so far has been handed to the stream (call before exiting). */
  flush(): Promise<void>;
}

/** The `Error` whose stack goes to `exc_info`: the `error` attribute, else the first attribute holding one. */
function attachedError(attributes: LogAttributes): Error | undefined {
  if (attributes.error instanceof Error) return attributes.error;
  return Object.values(attributes).find((value): value is Error => value instanceof Error);
}

/**
 * Creates the connector's logger (spec §8.1): one line per call on stderr (or `stream`), JSON in pycti's exact
 * shape (`timestamp` with microseconds, `level` as `DEBUG`/`INFO`/`WARNING`/`ERROR`, `name`, `message`, then
 * `exc_info` and `attributes` when present) or plain `LEVEL:name:message`. Children share the output and bind
 * attributes. Every secret known to the redactor is replaced by `[REDACTED]` in the message, in attribute keys and
 * values (deeply), and in error messages, stacks and causes.
 *
 * @example
 * ```ts
 * const logger = createLogger({ name: config.connector.name, level: config.connector.logLevel,
 *   json: config.opencti.jsonLogging, secrets });
 * logger.info("Connector registered with ID", { id: config.connector.id });
 * ```
 */
export function createLogger(options: CreateLoggerOptions): SdkLogger {
  const redactor = options.secrets instanceof SecretRedactor ? options.secrets : new SecretRedactor(options.secrets);
  const clock = options.clock ?? systemClock;
  const stream = options.stream ?? process.stderr;
  const format = options.json ? formatJsonLine : formatPlainLine;
  const output = winston.createLogger({
    levels: LEVELS,
    level: options.level,
    exitOnError: false,
    format: winston.format((info) => {
      (info as Record<symbol, unknown>)[MESSAGE] = info.message;
      return info;
    })(),
    transports: [new winston.transports.Stream({ stream, eol: "\n" })],
  });
  const threshold = LEVELS[options.level];
  const isLevelEnabled = (level: LogLevel) => LEVELS[level] <= threshold;

  const make = (name: string, bound: LogAttributes): SdkLogger => {
    const log = (level: LogLevel) => (message: string, attributes?: LogAttributes) => {
      if (!isLevelEnabled(level)) return;
      const all = attributes === undefined ? bound : { ...bound, ...attributes };
      const hasAttributes = Object.keys(all).length > 0;
      const error = hasAttributes ? attachedError(all) : undefined;
      const line: LogLine = {
        timestampMs: clock.now(),
        level,
        name: redactor.redact(name),
        message: redactor.redact(message),
        attributes: hasAttributes ? (serializeLogValue(all, redactor) as Record<string, unknown>) : undefined,
        excInfo: error === undefined ? undefined : errorTrace(error, redactor),
      };
      output.log({ level, message: format(line) });
    };
    return {
      redactor,
      level: options.level,
      isLevelEnabled,
      debug: log("debug"),
      info: log("info"),
      warn: log("warn"),
      error: log("error"),
      child: (attributes, childName) => make(childName ?? name, { ...bound, ...attributes }),
      flush: async () => {
        // winston hands lines to its transports on a later tick; then wait for the stream to take them.
        await new Promise<void>((resolve) => setImmediate(resolve));
        await new Promise<void>((resolve) => stream.write("", () => resolve()));
      },
    };
  };
  return make(options.name, {});
}
