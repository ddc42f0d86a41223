import { readFileSync } from "node:fs";
import { join } from "node:path";
import { connectorConfigDoc, connectorConfigJsonSchema } from "@org/opencti-connector-sdk";
import { z } from "zod";
import { readmeConfigTables } from "./readme-config-tables.js";

/** The marker after which a connector's `README.md` holds its generated configuration tables. */
export const README_CONFIG_START = "<!-- generated:config-tables:start (pnpm metadata) -->";
/** The marker that ends the generated configuration tables. */
export const README_CONFIG_END = "<!-- generated:config-tables:end -->";

/** Options of {@link renderConnectorMetadata}. */
export interface ConnectorMetadataOptions {
  /** The connector's folder: `__metadata__/connector_manifest.json` and `README.md` are read there. */
  dir: string;
  /** The connector's configuration, as `defineConnectorConfig` returns it. */
  config: Parameters<typeof connectorConfigJsonSchema>[0];
}

/** The manifest fields the generated files depend on. */
const manifestSchema = z.looseObject({ slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/) });

/**
 * A connector's generated catalog files, by path relative to its folder: `__metadata__/connector_config_schema.json`
 * (with the manifest's `slug`), `__metadata__/CONNECTOR_CONFIG_DOC.md`, and `README.md` with the configuration
 * tables between {@link README_CONFIG_START} and {@link README_CONFIG_END} replaced. A connector's `metadata`
 * script writes them ({@link writeConnectorMetadata}); its test compares them with the files on disk
 * ({@link comparableMetadata}), so they cannot go stale.
 *
 * @throws Error when the manifest has no valid `slug`, or the README lacks the markers.
 */
export function renderConnectorMetadata(options: ConnectorMetadataOptions): Record<string, string> {
  const manifestPath = join(options.dir, "__metadata__", "connector_manifest.json");
  const manifest = manifestSchema.safeParse(JSON.parse(readFileSync(manifestPath, "utf8")));
  if (!manifest.success) throw new Error(`${manifestPath}: slug must be kebab-case, e.g. "acme-feed"`);
  const schema = connectorConfigJsonSchema(options.config, { slug: manifest.data.slug });
  const readme = readFileSync(join(options.dir, "README.md"), "utf8");
  const start = readme.indexOf(README_CONFIG_START);
  const end = readme.indexOf(README_CONFIG_END);
  if (start < 0 || end < start) {
    throw new Error(`${join(options.dir, "README.md")} must contain ${README_CONFIG_START} then ${README_CONFIG_END}`);
  }
  const tables = `${README_CONFIG_START}\n\n${readmeConfigTables(schema)}\n\n${README_CONFIG_END}`;
  return {
    "__metadata__/connector_config_schema.json": `${JSON.stringify(schema, null, 2)}\n`,
    "__metadata__/CONNECTOR_CONFIG_DOC.md": connectorConfigDoc(schema),
    "README.md": `${readme.slice(0, start)}${tables}${readme.slice(end + README_CONFIG_END.length)}`,
  };
}
