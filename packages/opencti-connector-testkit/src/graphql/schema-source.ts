import { readFile } from "node:fs/promises";
import { PlatformOptionsError } from "../errors/platform-options-error.js";

/**
 * The schema SDL the emulator executes: `schema` as given, else the file at `schemaPath`, else the
 * connector-facing schema shipped with the SDK.
 */
export async function loadSchemaSdl(options: { schema?: string; schemaPath?: string }): Promise<string> {
  if (options.schema !== undefined) return options.schema;
  if (options.schemaPath !== undefined) {
    try {
      return await readFile(options.schemaPath, "utf8");
    } catch (error) {
      throw new PlatformOptionsError(
        [{ option: "schemaPath", message: `cannot read ${options.schemaPath} (${(error as Error).message})` }],
        { cause: error },
      );
    }
  }
  throw new PlatformOptionsError([{ option: "schema", message: "give the schema SDL or a schemaPath" }]);
}
