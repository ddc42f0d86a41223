import { mkdir, writeFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { connectorConfigDoc } from "../config/connector-config-doc.js";
import { connectorConfigJsonSchema } from "../config/connector-config-json-schema.js";
import type { ConnectorConfigDefinition } from "../config/define-connector-config.js";
import { checkFile } from "./bundle-input.js";
import { CliError } from "./cli-error.js";
import type { ResolvedCliIo } from "./cli-io.js";
import { parseCommandArgs, usageError } from "./parse-command-args.js";
import { COMMAND_USAGE } from "./usage.js";

/** What `defineConnectorConfig` returns, recognised by shape (two copies of the SDK may be installed). */
function isDefinition(value: unknown): value is ConnectorConfigDefinition {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Partial<Record<keyof ConnectorConfigDefinition, unknown>>;
  return (
    typeof candidate.namespace === "string" &&
    typeof candidate.schema === "object" &&
    typeof candidate.connector === "object" &&
    candidate.connector !== null &&
    Array.isArray(candidate.fields)
  );
}

async function importModule(path: string, label: string): Promise<Record<string, unknown>> {
  try {
    return (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ERR_UNKNOWN_FILE_EXTENSION") {
      throw new CliError(
        `cannot import ${label}: Node cannot load this file type; give the built .js module, or run the CLI with a TypeScript loader (node --import tsx)`,
      );
    }
    throw new CliError(`cannot import ${label}: ${(error as Error).message.split("\n")[0]}`, { cause: error });
  }
}

/**
 * `opencti-connector config-schema --namespace NAME --module PATH [--out DIR] [--slug SLUG]`: imports the module,
 * takes its exported definition (any export, `default` included) whose namespace is NAME, and writes
 * `connector_config_schema.json` and `CONNECTOR_CONFIG_DOC.md` into DIR (default `__metadata__`).
 */
export async function configSchemaCommand(args: readonly string[], io: ResolvedCliIo): Promise<number> {
  const { values } = parseCommandArgs(
    "config-schema",
    args,
    {
      namespace: { type: "string" },
      module: { type: "string" },
      out: { type: "string", default: "__metadata__" },
      slug: { type: "string" },
    },
    { min: 0, max: 0, names: "no argument" },
  );
  if (values.help) {
    io.out(COMMAND_USAGE["config-schema"]);
    return 0;
  }
  const { namespace, module } = values;
  if (namespace === undefined) throw usageError("config-schema", "--namespace is required");
  if (module === undefined) throw usageError("config-schema", "--module is required");
  const exports = await importModule(await checkFile(module, io.cwd), module);
  const definitions = Object.values(exports).filter(isDefinition);
  const definition = definitions.find((candidate) => candidate.namespace === namespace);
  if (definition === undefined) {
    const found = definitions.length === 0 ? "none" : definitions.map((d) => `"${d.namespace}"`).join(", ");
    throw new CliError(
      `${module} exports no connector config definition with namespace "${namespace}" (found: ${found}); ` +
        `export the value returned by defineConnectorConfig, e.g. export const config = defineConnectorConfig({ namespace: "${namespace}", ... })`,
    );
  }
  let schema: ReturnType<typeof connectorConfigJsonSchema>;
  try {
    schema = connectorConfigJsonSchema(definition, values.slug === undefined ? {} : { slug: values.slug });
  } catch (error) {
    throw new CliError(`cannot build the schema of "${namespace}": ${(error as Error).message}`, { cause: error });
  }
  const directory = resolve(io.cwd, values.out);
  await mkdir(directory, { recursive: true });
  const files: [string, string][] = [
    ["connector_config_schema.json", `${JSON.stringify(schema, null, 2)}\n`],
    ["CONNECTOR_CONFIG_DOC.md", connectorConfigDoc(schema)],
  ];
  for (const [name, content] of files) {
    const path = join(directory, name);
    await writeFile(path, content);
    io.out(`wrote ${relative(io.cwd, path) || path}`);
  }
  return 0;
}
