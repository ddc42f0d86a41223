import type { ConnectorType } from "../api/types.js";
import { BASE_VARIABLES, type BaseVariable } from "./base-variables.js";
import type { ConnectorConfigDefinition } from "./define-connector-config.js";
import type { FieldShape } from "./field-shape.js";

/** One property of `connector_config_schema.json`: always typed, never an object or a union (spec §2.3). */
export interface ConfigJsonSchemaProperty {
  type: "string" | "number" | "integer" | "boolean" | "array";
  description?: string;
  const?: string;
  enum?: readonly string[];
  format?: string;
  items?: { type: "string"; enum?: readonly string[] };
  default?: unknown;
  writeOnly?: true;
  minimum?: number;
  maximum?: number;
}

/** The catalog's `__metadata__/connector_config_schema.json`. */
export interface ConnectorConfigJsonSchema {
  $schema: "https://json-schema.org/draft/2020-12/schema";
  $id: string;
  type: "object";
  properties: Record<string, ConfigJsonSchemaProperty>;
  required: string[];
  additionalProperties: true;
}

function baseProperty(variable: BaseVariable, type: ConnectorType, defaultValue: unknown): ConfigJsonSchemaProperty {
  const description = variable.description;
  switch (variable.kind) {
    case "url":
      return { type: "string", description, format: "uri" };
    case "secret":
      return { type: "string", description, format: "password", writeOnly: true };
    case "list":
      return { type: "array", description, items: { type: "string" }, default: defaultValue ?? [] };
    case "boolean":
      return { type: "boolean", description, ...(defaultValue === undefined ? {} : { default: defaultValue }) };
    case "duration":
      return { type: "string", description, format: "duration", default: defaultValue };
    case "enum":
      if (variable.env === "CONNECTOR_TYPE") return { type: "string", const: type, default: type };
      return { type: "string", description, enum: variable.enumValues ?? [], default: defaultValue };
    default:
      return { type: "string", description, ...(defaultValue === undefined ? {} : { default: defaultValue }) };
  }
}

function fieldProperty(field: FieldShape): ConfigJsonSchemaProperty {
  const common = {
    ...(field.description === undefined ? {} : { description: field.description }),
    ...(field.defaultValue === undefined ? {} : { default: field.defaultValue }),
  };
  switch (field.kind) {
    case "list":
      return {
        type: "array",
        ...common,
        items: field.enumValues === undefined ? { type: "string" } : { type: "string", enum: field.enumValues },
        default: field.defaultValue ?? [],
      };
    case "number":
    case "integer":
    case "boolean":
      return { type: field.kind, ...common };
    case "enum":
      return { type: "string", ...common, enum: field.enumValues ?? [] };
    default: {
      const format = field.secret ? "password" : field.format;
      return {
        type: "string",
        ...common,
        ...(format === undefined ? {} : { format }),
        ...(field.secret ? { writeOnly: true } : {}),
      };
    }
  }
}

/**
 * Emits the catalog's `connector_config_schema.json` for a connector (spec §2.3): flat properties keyed by
 * environment name, the catalog's base variables for the connector's type (`OPENCTI_URL`, `OPENCTI_TOKEN`,
 * `CONNECTOR_NAME`, `CONNECTOR_TYPE` as a `const`, `CONNECTOR_LOG_LEVEL`, and per type `CONNECTOR_SCOPE`,
 * `CONNECTOR_DURATION_PERIOD`, `CONNECTOR_AUTO` or the live stream settings; never `CONNECTOR_ID`), then the
 * namespace's settings; secrets as `format: password`, `writeOnly`; every array with a default.
 *
 * @param options.slug Connector directory name used in `$id` (default: the namespace).
 * @throws TypeError when the definition lacks what the catalog requires (a default name; a default period for
 * external imports).
 */
export function connectorConfigJsonSchema(
  definition: ConnectorConfigDefinition,
  options: { slug?: string } = {},
): ConnectorConfigJsonSchema {
  const { type } = definition.connector;
  if (definition.connector.name === undefined) {
    throw new TypeError(
      "The catalog schema needs a default connector name: set connector.name in defineConnectorConfig",
    );
  }
  if (type === "EXTERNAL_IMPORT" && definition.connector.durationPeriod === undefined) {
    throw new TypeError("The catalog schema of an external import needs connector.durationPeriod (e.g. PT1H)");
  }
  const properties: Record<string, ConfigJsonSchemaProperty> = {};
  const required: string[] = [];
  for (const variable of BASE_VARIABLES) {
    if (!variable.catalogFor?.includes(type)) continue;
    properties[variable.env] = baseProperty(variable, type, variable.defaultValue?.(definition.connector));
    if (variable.env === "OPENCTI_URL" || variable.env === "OPENCTI_TOKEN") required.push(variable.env);
  }
  for (const field of definition.fields) {
    properties[field.env] = fieldProperty(field);
    if (field.required) required.push(field.env);
  }
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: `https://www.filigran.io/connectors/${options.slug ?? definition.namespace}_config.schema.json`,
    type: "object",
    properties,
    required,
    additionalProperties: true,
  };
}
