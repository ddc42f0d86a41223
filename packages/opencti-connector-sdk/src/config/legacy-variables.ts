import type { ConfigIssue } from "../errors/config-error.js";
import { parseBoolean } from "./coerce.js";
import { type ConfigSources, readSetting } from "./config-sources.js";

/** A non-fatal remark about the configuration, to be logged once a logger exists. */
export interface ConfigDiagnostic {
  level: "warn" | "error";
  message: string;
  attributes: Record<string, unknown>;
}

/** pycti 6.9 features the SDK does not implement yet; setting them fails start-up (spec §2.2). */
export const UNSUPPORTED_VARIABLES: readonly { env: string; yaml: readonly [string, string]; flag: boolean }[] = [
  { env: "CONNECTOR_SEND_TO_S3", yaml: ["connector", "send_to_s3"], flag: true },
  { env: "CONNECTOR_SEND_TO_S3_BUCKET", yaml: ["connector", "send_to_s3_bucket"], flag: false },
  { env: "CONNECTOR_SEND_TO_S3_FOLDER", yaml: ["connector", "send_to_s3_folder"], flag: false },
  { env: "CONNECTOR_SEND_TO_S3_RETENTION", yaml: ["connector", "send_to_s3_retention"], flag: false },
  { env: "CONNECTOR_AUTO_CREATE_SERVICE_ACCOUNT", yaml: ["connector", "auto_create_service_account"], flag: true },
];

/** Variables pycti does not read either; the SDK warns so operators remove them (spec §2.2). */
export const IGNORED_VARIABLES: readonly { env: string; yaml: readonly [string, string]; hint: string }[] = [
  {
    env: "CONNECTOR_CONFIDENCE_LEVEL",
    yaml: ["connector", "confidence_level"],
    hint: "the confidence comes from the connector user's settings on the platform",
  },
  {
    env: "CONNECTOR_UPDATE_EXISTING_DATA",
    yaml: ["connector", "update_existing_data"],
    hint: "the platform decides how data is upserted",
  },
];

/** The deprecated alias of `CONNECTOR_QUEUE_PROTOCOL`. */
export const QUEUE_PROTOCOL_ALIAS = { env: "QUEUE_PROTOCOL", yaml: ["queue", "protocol"] as const };

/**
 * Checks the variables of spec §2.2 the SDK does not accept or does not read: S3 output and service-account
 * creation are rejected (issues); `CONNECTOR_CONFIDENCE_LEVEL`, `CONNECTOR_UPDATE_EXISTING_DATA` and `*_INTERVAL`
 * settings of the connector's sections are warned about. `declared` holds the env names the connector reads, which
 * are never warned about.
 */
export function checkLegacyVariables(
  sources: ConfigSources,
  sections: readonly string[],
  declared: ReadonlySet<string>,
): { issues: ConfigIssue[]; diagnostics: ConfigDiagnostic[] } {
  const issues: ConfigIssue[] = [];
  const diagnostics: ConfigDiagnostic[] = [];
  const unsupported = (env: string | undefined, yamlPath: string | undefined, source: "env" | "yaml") =>
    issues.push({
      env,
      yamlPath,
      expected: "not to be set: S3 output and service-account creation are not supported by this SDK yet",
      given: "a value",
      source,
    });
  for (const variable of UNSUPPORTED_VARIABLES) {
    const raw = readSetting(sources, variable.env, variable.yaml);
    if (raw === undefined || (variable.flag && parseBoolean(raw.value) === false)) continue;
    unsupported(variable.env, variable.yaml.join("."), raw.source);
  }
  for (const [env, value] of Object.entries(sources.env)) {
    if (env.startsWith("S3_") && value !== undefined && value.trim() !== "") unsupported(env, undefined, "env");
  }
  for (const [key, value] of Object.entries(sources.yaml.s3 ?? {})) {
    if (value !== null && value !== "") unsupported(undefined, `s3.${key}`, "yaml");
  }
  for (const variable of IGNORED_VARIABLES) {
    if (readSetting(sources, variable.env, variable.yaml) === undefined) continue;
    diagnostics.push({
      level: "warn",
      message: `${variable.env} is not read (pycti ignores it too): ${variable.hint}; remove it`,
      attributes: { variable: variable.env },
    });
  }
  const prefixes = sections.map((s) => `${s.toUpperCase()}_`);
  const intervals = new Set<string>();
  for (const env of Object.keys(sources.env)) {
    if (env.endsWith("_INTERVAL") && prefixes.some((p) => env.startsWith(p))) intervals.add(env);
  }
  for (const section of sections) {
    for (const key of Object.keys(sources.yaml[section] ?? {})) {
      if (key === "interval" || key.endsWith("_interval")) intervals.add(`${section}_${key}`.toUpperCase());
    }
  }
  for (const env of [...intervals].filter((e) => !declared.has(e)).sort()) {
    diagnostics.push({
      level: "warn",
      message: `${env} is not read: the period between runs is CONNECTOR_DURATION_PERIOD (ISO-8601, e.g. PT1H)`,
      attributes: { variable: env },
    });
  }
  return { issues, diagnostics };
}
