import { lintBundle } from "@org/opencti-connector-sdk";
import { expectToMatchGolden } from "@org/opencti-connector-testkit/vitest";
import { TLP_CLEAR, withDefaults } from "@org/stix2-types";
import { describe, expect, it } from "vitest";
import { planBatches } from "../src/batches.js";
import { pendingEntries } from "../src/import-cursor.js";
import { CISA_AUTHOR, mapKevRecord } from "../src/mapping.js";
import { fixtureCatalog, GOLDEN_SLICE } from "./support/kev-entries.js";

describe("mapping of the fixture catalog", () => {
  const stix = withDefaults({ createdBy: CISA_AUTHOR, markings: [TLP_CLEAR] });
  const [batch = []] = planBatches(pendingEntries(fixtureCatalog().vulnerabilities, {}), 200);
  const objects = [CISA_AUTHOR, TLP_CLEAR, ...batch.flatMap((record) => mapKevRecord(record, stix))];

  it("matches the golden file (`vitest -u` rewrites it after a deliberate change)", async () => {
    await expectToMatchGolden(objects, GOLDEN_SLICE);
  });

  it("passes the SDK's bundle lint: an author, markings and the platform's id on every object", () => {
    expect(lintBundle({ type: "bundle", id: "bundle--3f1c8e2a-5b7d-4e9f-a1c3-d5e7f9b2c4a6", objects })).toEqual({
      passed: true,
      // Author, marking, a vulnerability, note and relationship per entry, 16 distinct products.
      objectCount: 2 + 3 * 23 + 16,
      findings: [],
    });
  });

  it("holds each object once", () => {
    expect(new Set(objects.map((o) => o.id)).size).toBe(objects.length);
  });
});
