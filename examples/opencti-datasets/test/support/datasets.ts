import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { datasetBundleSchema } from "../../src/client.js";

/** The fixtures folder, served by the tests' fixture server. */
export const FIXTURES = fileURLToPath(new URL("../../fixtures", import.meta.url));

/** The dataset files of the fixtures, in the connector's default order. */
export const FILES = ["sectors", "geography", "companies"] as const;

/** The golden file (relative to the tests) of what the connector sends for the fixtures, author and marking included. */
export const GOLDEN_DATASETS = "./fixtures/golden/datasets-slice.json";

/** A fixture file's bundle. */
export function fixtureBundle(name: (typeof FILES)[number]) {
  return datasetBundleSchema.parse(JSON.parse(readFileSync(`${FIXTURES}/${name}.json`, "utf8")));
}
