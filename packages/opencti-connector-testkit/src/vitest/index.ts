/**
 * Vitest assertions for connector tests (needs `vitest` installed).
 *
 * @packageDocumentation
 */
export type { GoldenOptions } from "../golden/golden-json.js";
export type { ObjectSource } from "../golden/object-source.js";
export { expectBundleToContain } from "./expect-bundle-to-contain.js";
export { expectToMatchGolden } from "./expect-to-match-golden.js";
