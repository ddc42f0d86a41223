import type { z } from "zod";
import type { ConnectorConfig } from "./connector-config.js";
import type { ConnectorDefaults } from "./connector-defaults.js";
import { CONNECTOR_TYPES } from "./connector-defaults.js";
import { parseDuration } from "./duration.js";
import { describeField, type FieldShape } from "./field-shape.js";

/** Sections (and the legacy `queue`, `listen`, `s3`) a connector's namespace may not take. */
const RESERVED_NAMESPACES = new Set(["opencti", "connector", "mq", "queue", "listen", "s3"]);
const NAMESPACE_PATTERN = /^[a-z][a-z0-9]*$/;
const KEY_PATTERN = /^[a-z][a-z0-9_]*$/;

/** One setting of the connector's own section. */
export interface NamespaceField extends FieldShape {
  /** Key in the schema and in YAML, e.g. `api_key`. */
  key: string;
  /** Environment name, e.g. `TEMPLATE_API_KEY`. */
  env: string;
  /** YAML path, e.g. `["template", "api_key"]`. */
  yaml: readonly [string, string];
}

/** What {@link defineConnectorConfig} returns; pass it to `loadConnectorConfig` and `connectorConfigJsonSchema`. */
export interface ConnectorConfigDefinition<N extends string = string, S extends z.ZodObject = z.ZodObject> {
  readonly namespace: N;
  readonly schema: S;
  readonly connector: Readonly<ConnectorDefaults>;
  /** The namespace's settings, in schema order. */
  readonly fields: readonly NamespaceField[];
}

/** The loaded configuration type of a definition. */
export type ConnectorConfigOf<D> =
  D extends ConnectorConfigDefinition<infer N, infer S> ? ConnectorConfig<N, z.output<S>> : never;

/**
 * Declares a connector's configuration: its own settings (a zod object of snake_case keys under `namespace`) and
 * what it fixes or defaults among the base variables. Key `api_key` of namespace `template` is read from
 * `TEMPLATE_API_KEY` or YAML `template.api_key`. Mark secrets with `secret()`, durations with `isoDuration()`.
 *
 * Checks the declaration itself and throws a `TypeError` for a programming mistake (bad namespace or key, an
 * unsupported field type, an invalid default duration).
 *
 * @example
 * ```ts
 * const definition = defineConnectorConfig({
 *   namespace: "template",
 *   schema: z.object({
 *     api_base_url: z.url().default("https://api.example.com"),
 *     api_key: secret(z.string().min(1)).describe("API key of the source"),
 *     import_start_date: isoDuration().prefault("P30D"),
 *   }),
 *   connector: { type: "EXTERNAL_IMPORT", name: "Template", scope: ["report"], durationPeriod: "PT1H" },
 * });
 * type Config = ConnectorConfigOf<typeof definition>;
 * ```
 */
export function defineConnectorConfig<const N extends string, S extends z.ZodObject>(input: {
  namespace: N;
  schema: S;
  connector: ConnectorDefaults;
}): ConnectorConfigDefinition<N, S> {
  const { namespace, schema, connector } = input;
  if (!NAMESPACE_PATTERN.test(namespace) || RESERVED_NAMESPACES.has(namespace)) {
    throw new TypeError(
      `Config namespace "${namespace}" must be lower-case letters and digits (no "_"), and not one of ${[...RESERVED_NAMESPACES].join(", ")}`,
    );
  }
  if (!(CONNECTOR_TYPES as readonly string[]).includes(connector.type)) {
    throw new TypeError(`Connector type "${connector.type}" must be one of ${CONNECTOR_TYPES.join(", ")}`);
  }
  if (connector.name !== undefined && connector.name.trim().length < 2) {
    throw new TypeError(`Connector name "${connector.name}" must have at least 2 characters`);
  }
  if (connector.durationPeriod !== undefined) parseDuration(connector.durationPeriod);
  const fields = Object.entries(schema.shape as Record<string, z.ZodType>).map(([key, fieldSchema]) => {
    if (!KEY_PATTERN.test(key)) {
      throw new TypeError(`Config key "${namespace}.${key}" must be snake_case (lower-case letters, digits, "_")`);
    }
    const env = `${namespace}_${key}`.toUpperCase();
    return { key, env, yaml: [namespace, key] as const, ...describeField(env, fieldSchema) };
  });
  return Object.freeze({
    namespace,
    schema,
    connector: Object.freeze({ ...connector }),
    fields: Object.freeze(fields),
  });
}
