import { expect } from "vitest";
import { type ObjectSource, objectsOf } from "../golden/object-source.js";

/**
 * Asserts that the source (a platform's ingested objects, a bundle or a list) contains, for each expected
 * object, one object having at least its properties (vitest's `objectContaining`, so nested matchers work). A
 * failure names the first expected object that matches nothing and shows the diff against the source.
 *
 * @example
 * ```ts
 * expectBundleToContain(platform, [{ type: "malware", name: "Emotet" }, { type: "identity", name: "ACME Corp" }]);
 * ```
 */
export function expectBundleToContain(
  source: ObjectSource,
  expected: Readonly<Record<string, unknown>> | readonly Readonly<Record<string, unknown>>[],
): void {
  const wanted = (Array.isArray(expected) ? expected : [expected]) as Readonly<Record<string, unknown>>[];
  const objects = objectsOf(source);
  for (const object of wanted) {
    expect(objects, `no object matches ${JSON.stringify(object)}`).toEqual(
      expect.arrayContaining([expect.objectContaining(object)]),
    );
  }
}
