import { StixValidationError } from "@org/stix2-types";
import { ConfigError, formatConfigIssue } from "../errors/config-error.js";
import { formatFatalError } from "../helper/format-fatal-error.js";
import { SecretRedactor } from "../logging/secret-redactor.js";

/** The secrets of the environment, known before any configuration is loaded, so no error line can show them. */
export function environmentSecrets(env: NodeJS.ProcessEnv): SecretRedactor {
  return new SecretRedactor([env.OPENCTI_TOKEN, env.MQ_PASS, env.MQ_USE_SSL_PASSPHRASE]);
}

/**
 * The one line a failed command prints: the cause, never a stack, with every known secret replaced by `redact`.
 * A `ConfigError` lists each bad variable on the same line; other multi-line messages are joined with `; `.
 */
export function formatCliError(error: unknown, redact: (text: string) => string): string {
  let text: string;
  if (ConfigError.isInstance(error)) {
    const count = error.issues.length === 1 ? "1 problem" : `${error.issues.length} problems`;
    text = `invalid configuration (${count}): ${error.issues.map(formatConfigIssue).join("; ")}`;
  } else if (StixValidationError.isInstance(error)) {
    text = error.message;
  } else {
    text = formatFatalError(error);
  }
  let line = "";
  for (const part of text.split("\n")) {
    const item = part.trim().replace(/^- /, "");
    if (item === "") continue;
    line = line === "" ? item : `${line}${line.endsWith(":") ? " " : "; "}${item}`;
  }
  return redact(line);
}
