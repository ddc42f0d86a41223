import type { ConnectorConfigJsonSchema } from "./connector-config-json-schema.js";

const FORMATS_URL = "https://json-schema.org/understanding-json-schema/reference/string#built-in-formats";

/**
 * Renders the catalog's `__metadata__/CONNECTOR_CONFIG_DOC.md` from a `connector_config_schema.json` (spec §2.3):
 * one row per variable, required ones first, in the layout of the upstream connectors.
 */
export function connectorConfigDoc(schema: ConnectorConfigJsonSchema): string {
  const entries = Object.entries(schema.properties);
  const required = new Set(schema.required);
  const ordered = [
    ...entries.filter(([name]) => required.has(name)),
    ...entries.filter(([name]) => !required.has(name)),
  ];
  const rows = ordered.map(([name, property]) => {
    const type = property.const === undefined ? `\`${property.type}\`` : "`const`";
    const values =
      property.const !== undefined
        ? `\`${property.const}\``
        : property.enum !== undefined
          ? property.enum.map((v) => `\`${v}\``).join(" ")
          : property.format !== undefined
            ? `Format: [\`${property.format}\`](${FORMATS_URL})`
            : property.type === "array"
              ? (property.items?.type ?? "string")
              : property.type;
    const defaultValue = property.default === undefined ? "" : `\`${JSON.stringify(property.default)}\``;
    const description = (property.description ?? "").replace(/\|/g, "\\|");
    return `| ${name} | ${type} | ${required.has(name) ? "✅" : ""} | ${values} | ${defaultValue} | ${description} |`;
  });
  return [
    "# Connector Configurations",
    "",
    "Below is an exhaustive enumeration of all configurable parameters available, each accompanied by detailed explanations of their purposes, default behaviors, and usage guidelines to help you understand and utilize them effectively.",
    "",
    "### Type: `object`",
    "",
    "| Property | Type | Required | Possible values | Default | Description |",
    "| -------- | ---- | -------- | --------------- | ------- | ----------- |",
    ...rows,
    "",
  ].join("\n");
}
