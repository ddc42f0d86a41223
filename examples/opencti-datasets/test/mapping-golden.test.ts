import { lintBundle } from "@org/opencti-connector-sdk";
import { expectToMatchGolden } from "@org/opencti-connector-testkit/vitest";
import { TLP_CLEAR } from "@org/stix2-types";
import { describe, expect, it } from "vitest";
import { datasetObjects } from "../src/client.js";
import { datasetRecords, FILIGRAN_AUTHOR, mapDatasetRecord } from "../src/mapping.js";
import { FILES, fixtureBundle, GOLDEN_DATASETS } from "./support/datasets.js";

describe("mapping of the fixture datasets", () => {
  const files = FILES.map((name) => ({ name, url: "", sha256: "", objects: datasetObjects(fixtureBundle(name)) }));
  const records = files.flatMap((file) => datasetRecords(file, FILIGRAN_AUTHOR));
  const objects = [
    FILIGRAN_AUTHOR,
    TLP_CLEAR,
    ...records.map((record) => mapDatasetRecord(record, FILIGRAN_AUTHOR, [TLP_CLEAR])),
  ];

  it("matches the golden file (`vitest -u` rewrites it after a deliberate change)", async () => {
    await expectToMatchGolden(objects, GOLDEN_DATASETS);
  });

  it("sends every object but the files' three copies of the author", () => {
    expect(records).toHaveLength(7 + 10 + 7 - 3);
  });

  it("passes the SDK's bundle lint for a passthrough: an author and markings on every object, the files' ids", () => {
    const bundle = { type: "bundle", id: "bundle--8f0e6b4a-3c2d-4e1f-9a8b-7c6d5e4f3a2b", objects };
    expect(lintBundle(bundle, { foreignIds: true })).toEqual({
      passed: true,
      objectCount: objects.length,
      findings: [],
    });
    // The ids are the files' own, as given (not the platform's deterministic ones, which it computes on import).
    const raw = files.flatMap((f) => f.objects.flatMap((o) => ("object" in o ? [o.object.id] : [])));
    expect(objects.slice(2).every((object) => raw.includes(object.id))).toBe(true);
    expect(new Set(lintBundle(bundle).findings.map((f) => f.kind))).toEqual(new Set(["wrong_id"]));
  });

  it("would fail that lint with the files' own markings", () => {
    const raw = files.flatMap((f) => f.objects.flatMap((o) => ("object" in o ? [o.object] : [])));
    const report = lintBundle(
      { type: "bundle", id: "bundle--8f0e6b4a-3c2d-4e1f-9a8b-7c6d5e4f3a2b", objects: raw },
      {
        foreignIds: true,
      },
    );
    expect(new Set(report.findings.map((f) => f.kind))).toEqual(new Set(["unknown_marking"]));
  });
});
