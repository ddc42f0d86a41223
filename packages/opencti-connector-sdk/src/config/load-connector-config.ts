import type { ConfigIssue } from "../errors/config-error.js";
import { ConfigError } from "../errors/config-error.js";
import { assembleBaseConfig } from "./assemble-base-config.js";
import { parseBaseValue } from "./base-value.js";
import { BASE_VARIABLES } from "./base-variables.js";
import { coerceRaw, expectedFor } from "./coerce.js";
import { type ConfigSources, loadYamlSections, type RawSetting, readSetting } from "./config-sources.js";
import type { ConnectorConfigDefinition, ConnectorConfigOf } from "./define-connector-config.js";
import { type ConfigDiagnostic, checkLegacyVariables, QUEUE_PROTOCOL_ALIAS } from "./legacy-variables.js";

/** Where {@link loadConnectorConfig} reads from. */
export interface LoadConnectorConfigOptions {
  /** Environment variables; default `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** YAML file; default `./config.yml` when it exists. An explicit path must exist. */
  configPath?: string;
  /** Directory relative paths are resolved against; default `process.cwd()`. */
  cwd?: string;
}

/** A loaded configuration with what should be logged about it and the values to redact from logs. */
export interface ResolvedConnectorConfig<C> {
  config: C;
  /** Warnings and errors to log once a logger exists (deprecated or ignored variables, unverified TLS...). */
  diagnostics: readonly ConfigDiagnostic[];
  /** Every secret value (token, MQ password, fields marked `secret()`), for the logger's redaction. */
  secrets: readonly string[];
  /** The YAML file that was read, if any. */
  configPath: string | undefined;
}

const MAX_GIVEN = 80;

/** Renders a given value for an issue: quoted and truncated, `[REDACTED]` for secrets. */
function renderGiven(value: unknown, secret: boolean): string {
  if (secret) return "[REDACTED]";
  const text = typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
  const cut = text.length > MAX_GIVEN ? `${text.slice(0, MAX_GIVEN)}...` : text;
  return JSON.stringify(cut);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

function issueFor(
  env: string,
  yaml: readonly [string, string],
  expected: string,
  raw: { value: unknown; source: "env" | "yaml" | "default" } | undefined,
  secret: boolean,
): ConfigIssue {
  return {
    env,
    yamlPath: yaml.join("."),
    expected,
    given: raw === undefined ? undefined : renderGiven(raw.value, secret),
    source: raw?.source ?? "missing",
  };
}

/**
 * Loads and checks the whole configuration (spec §2): the base variables and the connector's namespace, from the
 * environment (which wins) and `config.yml`. Every problem is collected and thrown at once as a {@link ConfigError}
 * whose message lists each variable with its YAML path, what it expects and the value given (secrets masked).
 * Sends nothing anywhere. Returns the frozen config with the diagnostics to log and the secrets to redact.
 */
export function resolveConnectorConfig<D extends ConnectorConfigDefinition>(
  definition: D,
  options: LoadConnectorConfigOptions = {},
): ResolvedConnectorConfig<ConnectorConfigOf<D>> {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const loaded = loadYamlSections(options.configPath, cwd);
  const sources: ConfigSources = { env, yaml: loaded.yaml };
  const issues: ConfigIssue[] = [...loaded.issues];
  const diagnostics: ConfigDiagnostic[] = [];
  const values = new Map<string, unknown>();

  for (const variable of BASE_VARIABLES) {
    const secret = variable.kind === "secret";
    let raw = readSetting(sources, variable.env, variable.yaml);
    if (variable.env === "CONNECTOR_QUEUE_PROTOCOL") {
      const alias = readSetting(sources, QUEUE_PROTOCOL_ALIAS.env, QUEUE_PROTOCOL_ALIAS.yaml);
      if (alias !== undefined) {
        diagnostics.push({
          level: "error",
          message: `${QUEUE_PROTOCOL_ALIAS.env} is deprecated: use CONNECTOR_QUEUE_PROTOCOL`,
          attributes: { variable: QUEUE_PROTOCOL_ALIAS.env },
        });
        raw ??= alias;
      }
    }
    const fallback = raw === undefined ? variable.defaultValue?.(definition.connector) : undefined;
    const setting = raw ?? (fallback === undefined ? undefined : { value: fallback, source: "default" as const });
    if (setting === undefined) {
      if (variable.required) issues.push(issueFor(variable.env, variable.yaml, "a value", undefined, secret));
      continue;
    }
    const parsed = parseBaseValue(variable, setting.value, cwd);
    if (!parsed.ok) {
      issues.push(issueFor(variable.env, variable.yaml, parsed.expected, setting, secret));
      continue;
    }
    if (variable.env === "CONNECTOR_TYPE" && parsed.value !== definition.connector.type) {
      const expected = `${JSON.stringify(definition.connector.type)} (fixed by the connector's code)`;
      issues.push(issueFor(variable.env, variable.yaml, expected, raw, false));
      continue;
    }
    values.set(variable.env, parsed.value);
  }
  if (values.get("CONNECTOR_SEND_TO_DIRECTORY") === true && !values.has("CONNECTOR_SEND_TO_DIRECTORY_PATH")) {
    const expected = "a directory path (required when CONNECTOR_SEND_TO_DIRECTORY is true)";
    issues.push(
      issueFor("CONNECTOR_SEND_TO_DIRECTORY_PATH", ["connector", "send_to_directory_path"], expected, undefined, false),
    );
  }

  const input: Record<string, unknown> = {};
  const rawByKey = new Map<string, RawSetting>();
  for (const field of definition.fields) {
    const raw = readSetting(sources, field.env, field.yaml);
    if (raw === undefined) continue;
    rawByKey.set(field.key, raw);
    const coerced = coerceRaw(field.kind, raw.value);
    if (coerced.ok) input[field.key] = coerced.value;
    else issues.push(issueFor(field.env, field.yaml, expectedFor(field.kind, field.enumValues), raw, field.secret));
  }
  const result = definition.schema.safeParse(input);
  if (!result.success) {
    const seen = new Set<string>();
    for (const zodIssue of result.error.issues) {
      const key = String(zodIssue.path[0] ?? "");
      const field = definition.fields.find((f) => f.key === key);
      if (!field || seen.has(key)) continue;
      seen.add(key);
      const raw = rawByKey.get(key);
      const base = expectedFor(field.kind, field.enumValues);
      const expected = raw === undefined || zodIssue.code === "invalid_type" ? base : `${base} (${zodIssue.message})`;
      issues.push(issueFor(field.env, field.yaml, expected, raw, field.secret));
    }
  }

  const sections = ["connector", definition.namespace];
  const legacy = checkLegacyVariables(sources, sections, new Set(definition.fields.map((f) => f.env)));
  issues.push(...legacy.issues);
  diagnostics.push(...legacy.diagnostics);
  if (issues.length > 0 || !result.success) throw new ConfigError(issues);

  const base = assembleBaseConfig(values, diagnostics);
  const namespaceValues = result.data as Record<string, unknown>;
  const secrets = [
    base.opencti.token,
    base.mq.pass,
    base.mq.sslPassphrase,
    base.connector.listenProtocolApiSslPassphrase,
  ];
  for (const field of definition.fields.filter((f) => f.secret)) {
    const value = namespaceValues[field.key];
    secrets.push(...(Array.isArray(value) ? value.map(String) : value === undefined ? [] : [String(value)]));
  }
  const config = deepFreeze({ ...base, [definition.namespace]: namespaceValues }) as ConnectorConfigOf<D>;
  return {
    config,
    diagnostics,
    secrets: secrets.filter((s): s is string => typeof s === "string" && s !== ""),
    configPath: loaded.path,
  };
}

/**
 * Loads the configuration of a connector; see {@link resolveConnectorConfig}, which also returns the diagnostics
 * to log and the secrets to redact.
 *
 * @throws ConfigError listing every invalid or missing variable.
 */
export function loadConnectorConfig<D extends ConnectorConfigDefinition>(
  definition: D,
  options: LoadConnectorConfigOptions = {},
): ConnectorConfigOf<D> {
  return resolveConnectorConfig(definition, options).config;
}
