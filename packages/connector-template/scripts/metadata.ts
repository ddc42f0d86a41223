import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  type ConfigJsonSchemaProperty,
  type ConnectorConfigJsonSchema,
  connectorConfigDoc,
  connectorConfigJsonSchema,
} from "@org/opencti-connector-sdk";
import { z } from "zod";
import { templateConfig } from "../src/index.js";

/** The connector's folder (where `package.json` is). */
export const CONNECTOR_DIR = join(import.meta.dirname, "..");

/** Markers around the generated configuration tables in `README.md`. */
export const README_START = "<!-- generated:config-tables:start (pnpm metadata) -->";
export const README_END = "<!-- generated:config-tables:end -->";

/** The manifest fields the generated files depend on. */
const manifestSchema = z.looseObject({ slug: z.string().min(1) });

/**
 * A generated file's content as the staleness test compares it: JSON parsed and re-serialised, Markdown table rows
 * without their alignment padding. The monorepo's formatter (Biome) realigns tables and reflows JSON arrays after
 * `pnpm metadata`; a standalone connector keeps the raw output. Both are up to date.
 */
export function comparable(path: string, content: string): string {
  if (path.endsWith(".json")) return JSON.stringify(JSON.parse(content));
  return content
    .split("\n")
    .map((line) => {
      if (!line.startsWith("|")) return line.trimEnd();
      const cells = line.split(/(?<!\\)\|/).map((part) => part.trim());
      return cells.map((part) => (/^-+$/.test(part) ? "---" : part)).join("|");
    })
    .join("\n");
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

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
 * The README's configuration section body: one table per group (OpenCTI, base connector, this connector's
 * settings), generated from `connector_config_schema.json`.
 */
export function renderReadmeTables(schema: ConnectorConfigJsonSchema): string {
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

/** Every generated file (path relative to the connector's folder) with its expected content. */
export function renderMetadata(dir = CONNECTOR_DIR): Record<string, string> {
  const manifest = manifestSchema.parse(
    JSON.parse(readFileSync(join(dir, "__metadata__", "connector_manifest.json"), "utf8")),
  );
  const schema = connectorConfigJsonSchema(templateConfig, { slug: manifest.slug });
  const readme = readFileSync(join(dir, "README.md"), "utf8");
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) throw new Error(`README.md must contain ${README_START} then ${README_END}`);
  const tables = `${README_START}\n\n${renderReadmeTables(schema)}\n\n${README_END}`;
  return {
    "__metadata__/connector_config_schema.json": `${JSON.stringify(schema, null, 2)}\n`,
    "__metadata__/CONNECTOR_CONFIG_DOC.md": connectorConfigDoc(schema),
    "README.md": `${readme.slice(0, start)}${tables}${readme.slice(end + README_END.length)}`,
  };
}
