/**
 * `pnpm schema:prune`: writes the connector-facing subset of the reference schema to `schema/opencti-connector.graphql`
 * and the same SDL as a string constant to `src/api/schema/opencti-connector-schema.ts` (the package's `./schema`
 * export), and copies the upstream `LICENSE` beside it. Source: `../../../shared/opencti/relay.schema.graphql` or the
 * path given as first argument (its folder must hold the upstream `LICENSE`).
 */
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { renderSchemaModule } from "./prune-schema-module.js";
import { PRUNED_SCHEMA_HEADER, pruneSchema } from "./schema-pruning.js";

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const source = resolve(process.argv[2] ?? resolve(packageDir, "../../../shared/opencti/relay.schema.graphql"));
const sdl = pruneSchema(readFileSync(source, "utf8"));

writeFileSync(resolve(packageDir, "schema/opencti-connector.graphql"), `${PRUNED_SCHEMA_HEADER}\n${sdl}\n`);
// The upstream licence travels with the copy, unmodified.
copyFileSync(resolve(dirname(source), "LICENSE"), resolve(packageDir, "schema/LICENSE"));
writeFileSync(resolve(packageDir, "src/api/schema/opencti-connector-schema.ts"), renderSchemaModule(sdl));
console.log(`Pruned ${source}: ${sdl.length} characters of SDL written`);
