import { readFile } from "node:fs/promises";
import { OPENCTI_CONNECTOR_SCHEMA_SDL } from "@org/opencti-connector-sdk/schema";
import { PlatformOptionsError } from "../errors/platform-options-error.js";

/**
 * The schema SDL the emulator executes: `schema` as given, else the file at `schemaPath` (e.g. the platform's full
 * `relay.schema.graphql`), else the connector-facing subset shipped with the SDK (platform 6.9.17).
 */
export async function loadSchemaSdl(options: { schema?: string; schemaPath?: string }): Promise<string> {
  if (options.schema !== undefined) return options.schema;
  if (options.schemaPath === undefined) return OPENCTI_CONNECTOR_SCHEMA_SDL;
  try {
    return await readFile(options.schemaPath, "utf8");
  } catch (error) {
    throw new PlatformOptionsError(
      [{ option: "schemaPath", message: `cannot read ${options.schemaPath} (${(error as Error).message})` }],
      { cause: error },
    );
  }
}
