import { ConnectorSdkError } from "../errors/connector-sdk-error.js";

/**
 * The message a connector prints before exiting 1 on a fatal error: the complete, human-readable text without a
 * stack dump for the SDK's own errors (a `ConfigError` lists every bad variable; a `RetryExhaustedError` names the
 * last failure), `Name: message` otherwise. Pass the logger's redactor to scrub secrets from foreign errors.
 */
export function formatFatalError(error: unknown, redact: (text: string) => string = (text) => text): string {
  if (ConnectorSdkError.isInstance(error)) return redact(error.message);
  if (error instanceof Error) return redact(`${error.name}: ${error.message}`);
  return redact(String(error));
}
