import type { ConfigJsonSchemaProperty, ConnectorConfigJsonSchema } from "@org/opencti-connector-sdk";

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

/** `CISA_KEV_FEED_URL` is `cisa.kev_feed_url` in `config.yml`: the first segment is the section. */
function yamlPath(env: string): string {
  const [section = "", ...rest] = env.toLowerCase().split("_");
  return `${section}.${rest.join("_")}`;
}

function defaultOf(property: ConfigJsonSchemaProperty): string {
  if (property.default === undefined) return "";
  return `\`${Array.isArray(property.default) ? property.default.join(",") : String(property.default)}\``;
}

function table(schema: ConnectorConfigJsonSchema, names: readonly string[]): string[] {
  const required = new Set(schema.required);
  return [
    "| Parameter | config.yml | Docker environment variable | Default | Mandatory | Description |",
    "| --------- | ---------- | --------------------------- | ------- | --------- | ----------- |",
    ...names.map((name) => {
      const property = schema.properties[name] as ConfigJsonSchemaProperty;
      const label = name.split("_").slice(1).join(" ").toLowerCase();
      const values = property.enum ? ` One of ${property.enum.map((v) => `\`${v}\``).join(", ")}.` : "";
      const description = `${property.description ?? ""}${values}`;
      return `| ${label} | \`${yamlPath(name)}\` | \`${name}\` | ${defaultOf(property)} | ${required.has(name) ? "Yes" : "No"} | ${cell(description)} |`;
    }),
  ];
}

/**
 * The configuration section of a connector's README in the layout of the OpenCTI connectors' READMEs: one table
 * per group (OpenCTI, base connector, the connector's own settings), each row giving the `config.yml` path, the
 * environment variable, the default, whether it is mandatory and the description, from the catalog schema.
 */
export function readmeConfigTables(schema: ConnectorConfigJsonSchema): string {
  const names = Object.keys(schema.properties);
  const group = (prefix: string) => names.filter((name) => name.startsWith(prefix));
  const own = names.filter((name) => !name.startsWith("OPENCTI_") && !name.startsWith("CONNECTOR_"));
  return [
    "### OpenCTI environment variables",
    "",
    ...table(schema, group("OPENCTI_")),
    "",
    "### Base connector environment variables",
    "",
    ...table(schema, group("CONNECTOR_")),
    "",
    "### Connector extra parameters environment variables",
    "",
    ...table(schema, own),
  ].join("\n");
}
