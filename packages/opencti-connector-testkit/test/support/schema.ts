import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * The full reference schema (`shared/opencti/relay.schema.graphql`, beside the repository in CI clones), or
 * `undefined` when it is not there: tests that need it skip.
 */
export function fullSchemaPath(): string | undefined {
  const candidates = [
    fileURLToPath(new URL("../../../../../shared/opencti/relay.schema.graphql", import.meta.url)),
    "/work/shared/opencti/relay.schema.graphql",
  ];
  return candidates.find((path) => existsSync(path));
}
