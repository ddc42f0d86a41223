import { ConfigError } from "../errors/config-error.js";
import { ConnectorSdkError } from "../errors/connector-sdk-error.js";
import { formatFatalError } from "../helper/format-fatal-error.js";
import { onShutdownSignal, type SignalSource } from "../helper/shutdown-signal.js";
import type { Logger } from "../logging/logger.js";

/** What {@link runConnector} drives: an `ExternalImportConnector`, or anything with the same lifecycle. */
export interface RunnableConnector {
  run(): Promise<{ exitCode: 0 | 1 }>;
  stop(reason?: string): Promise<void>;
  /** The connector's logger once its configuration is loaded. */
  readonly logger: Logger | undefined;
  /** Removes known secrets from a text. */
  redact(text: string): string;
  /** Resolves once every line logged so far is written. */
  flushLogs(): Promise<void>;
}

/** Options of {@link runConnector}; the defaults are the process's. */
export interface RunConnectorOptions {
  /** Where SIGTERM and SIGINT come from; default `process`. */
  signals?: SignalSource;
  /** Ends the process; default `process.exit`. */
  exit?: (code: number) => void;
  /** Where errors without a logger go (a `ConfigError`: the logger's settings are in the configuration). */
  stderr?: NodeJS.WritableStream;
}

/**
 * Reports an error that ends the connector: a `ConfigError` (or any error before a logger exists) as its plain
 * message on stderr; another SDK error (authentication refused, platform unreachable, broker refused...) as one
 * ERROR line with its complete message and no stack dump; anything else as an ERROR line with the error and its
 * stack. Secrets are redacted.
 */
export function reportFatalError(
  error: unknown,
  target: { logger: Logger | undefined; redact: (text: string) => string; stderr: NodeJS.WritableStream },
): void {
  if (ConfigError.isInstance(error) || target.logger === undefined) {
    target.stderr.write(`${formatFatalError(error, target.redact)}\n`);
  } else if (ConnectorSdkError.isInstance(error)) {
    target.logger.error(formatFatalError(error, target.redact));
  } else {
    target.logger.error("Connector stopped by an unexpected error", { error });
  }
}

/**
 * The `main()` of a connector: runs it (a class is instantiated without options), stops it gracefully on SIGTERM
 * or SIGINT (a second signal exits at once with code 1), reports a fatal error, and exits: 0 after a stop or a
 * successful run-and-terminate run, 1 when the configuration is invalid, start-up fails (authentication, platform
 * or broker unreachable) or a run-and-terminate run fails. Resolves with the exit code (after calling `exit`).
 *
 * @example
 * ```ts
 * await runConnector(AcmeConnector);
 * ```
 */
export async function runConnector(
  target: RunnableConnector | (new () => RunnableConnector),
  options: RunConnectorOptions = {},
): Promise<number> {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const stderr = options.stderr ?? process.stderr;
  const connector = typeof target === "function" ? new target() : target;
  const report = (error: unknown) =>
    reportFatalError(error, { logger: connector.logger, redact: (t) => connector.redact(t), stderr });
  const dispose = onShutdownSignal(
    (signal, count) => {
      if (count > 1) {
        connector.logger?.warn("Second shutdown signal, exiting at once", { signal });
        exit(1);
        return;
      }
      connector.logger?.info("Shutdown signal received, stopping the connector", { signal });
      connector.stop(signal).catch(report);
    },
    options.signals ? { source: options.signals } : {},
  );
  let code: number;
  try {
    code = (await connector.run()).exitCode;
  } catch (error) {
    report(error);
    code = 1;
  } finally {
    dispose();
  }
  await connector.flushLogs();
  exit(code);
  return code;
}
