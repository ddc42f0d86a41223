import { ConnectorSdkError, hasErrorMarker } from "./connector-sdk-error.js";

const MARKER = Symbol.for("org.opencti-connector-sdk.error.ConfigError");

/** One invalid, missing or unsupported setting found while loading the configuration. */
export interface ConfigIssue {
  /** Environment variable name, e.g. `CONNECTOR_ID`; `undefined` for problems with the YAML file itself. */
  env: string | undefined;
  /** Two-level YAML path, e.g. `connector.id`; `undefined` when the problem has no YAML equivalent. */
  yamlPath: string | undefined;
  /** What the setting accepts, e.g. `a UUID such as 5ed680de-75e2-4aa0-bec0-4e8e5a0d1695`. */
  expected: string;
  /**
   * The value given, rendered for humans (quoted, truncated); `[REDACTED]` for secrets, `undefined` when the
   * setting is missing.
   */
  given: string | undefined;
  /** Where the value came from. */
  source: "env" | "yaml" | "default" | "missing" | "file";
}

/** Renders one issue as a line of {@link ConfigError.message}. */
export function formatConfigIssue(issue: ConfigIssue): string {
  const names = [issue.env, issue.yamlPath === undefined ? undefined : `YAML ${issue.yamlPath}`].filter(
    (name): name is string => name !== undefined,
  );
  const what = issue.given === undefined ? "not set" : `got ${issue.given}`;
  return `${names.length === 0 ? "YAML file" : names.join(" / ")}: expected ${issue.expected}, ${what}`;
}

/**
 * The configuration is invalid. Thrown once, after every setting was checked: `issues` lists each bad, missing or
 * unsupported variable, and `message` is the complete human-readable list (what a connector prints before exiting
 * 1). Secret values never appear: they are shown as `[REDACTED]`.
 */
export class ConfigError extends ConnectorSdkError {
  readonly [MARKER] = true;
  /** Every problem found, in the order the settings were read. */
  readonly issues: readonly ConfigIssue[];

  constructor(issues: readonly ConfigIssue[]) {
    const count = issues.length === 1 ? "1 problem" : `${issues.length} problems`;
    super(
      "ConfigError",
      `Invalid connector configuration (${count}):\n${issues.map((i) => `  - ${formatConfigIssue(i)}`).join("\n")}`,
    );
    this.issues = issues;
  }

  static override isInstance(value: unknown): value is ConfigError {
    return hasErrorMarker(value, MARKER);
  }
}
