import type { LogAttributes, Logger } from "@org/opencti-connector-sdk";

/** A {@link Logger} for the CLI: warnings and errors, one line each on stderr, with the error message if any. */
export function stderrLogger(name = "opencti-testkit"): Logger {
  const write = (level: string) => (message: string, attributes?: LogAttributes) => {
    const error = attributes?.error instanceof Error ? `: ${attributes.error.message}` : "";
    process.stderr.write(`${level}:${name}:${message}${error}\n`);
  };
  const logger: Logger = {
    debug: () => {},
    info: () => {},
    warn: write("WARNING"),
    error: write("ERROR"),
    child: (_attributes, childName) => stderrLogger(childName ?? name),
  };
  return logger;
}
