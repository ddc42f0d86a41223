import { expect } from "vitest";
import { type GoldenOptions, goldenJson } from "../golden/golden-json.js";
import type { ObjectSource } from "../golden/object-source.js";

/**
 * Compares the sorted objects of a source (see `sortedObjects`) with a golden JSON file, through vitest's file
 * snapshots: `vitest -u` writes or updates the file, a normal run fails on any difference.
 *
 * @example
 * ```ts
 * await expectToMatchGolden(platform, "./__golden__/emotet.json", { omit: ["created", "modified"] });
 * ```
 */
export async function expectToMatchGolden(
  source: ObjectSource,
  goldenPath: string,
  options: GoldenOptions = {},
): Promise<void> {
  await expect(goldenJson(source, options)).toMatchFileSnapshot(goldenPath);
}
