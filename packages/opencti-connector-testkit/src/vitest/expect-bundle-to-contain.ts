import { expect } from "vitest";
import { type ObjectSource, objectsOf } from "../golden/object-source.js";

/**
 * Asserts that the source (a platform's ingested objects, a bundle or a list) contains, for each expected
 * object, one object having at least its properties (vitest's `objectContaining`, so nested matchers work). The
 * failure shows the diff against every object of the source.
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
  expect(objectsOf(source)).toEqual(expect.arrayContaining(wanted.map((object) => expect.objectContaining(object))));
}
