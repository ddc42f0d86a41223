import { lintBundle } from "@org/opencti-connector-sdk";
import { expectToMatchGolden } from "@org/opencti-connector-testkit/vitest";
import { type StixObject, TLP_CLEAR } from "@org/stix2-types";
import { describe, expect, it } from "vitest";
import { datasetObjects } from "../src/client.js";
import { FILIGRAN_AUTHOR, mapDatasetRecord } from "../src/mapping.js";
import { platformIds } from "../src/platform-ids.js";
import { FILES, fixtureBundle, GOLDEN_DATASETS } from "./support/datasets.js";

describe("mapping of the fixture datasets", () => {
  const files = FILES.map((name) => ({ name, objects: datasetObjects(fixtureBundle(name)) }));
  const ids = platformIds(files.flatMap((f) => f.objects.flatMap((o) => ("object" in o ? [o.object] : []))));
  const mapped = files.flatMap((file) =>
    file.objects.map((entry) => mapDatasetRecord({ file: file.name, entry, ids }, FILIGRAN_AUTHOR, [TLP_CLEAR])),
  );
  const objects = [FILIGRAN_AUTHOR, TLP_CLEAR, ...mapped.filter((o): o is StixObject => o !== null)];

  it("matches the golden file (`vitest -u` rewrites it after a deliberate change)", async () => {
    await expectToMatchGolden(objects, GOLDEN_DATASETS);
  });

  it("keeps every object but the files' three copies of the author", () => {
    expect(mapped.filter((o) => o === null)).toHaveLength(3);
    expect(objects).toHaveLength(2 + 7 + 10 + 7 - 3);
  });

  it("passes the SDK's bundle lint: an author, markings and the platform's id on every object", () => {
    expect(lintBundle({ type: "bundle", id: "bundle--8f0e6b4a-3c2d-4e1f-9a8b-7c6d5e4f3a2b", objects })).toEqual({
      passed: true,
      objectCount: objects.length,
      findings: [],
    });
  });

  it("would fail that lint with the files' own ids", () => {
    const raw = files.flatMap((f) => f.objects.flatMap((o) => ("object" in o ? [o.object] : [])));
    const report = lintBundle({ type: "bundle", id: "bundle--8f0e6b4a-3c2d-4e1f-9a8b-7c6d5e4f3a2b", objects: raw });
    expect(new Set(report.findings.map((f) => f.kind))).toEqual(new Set(["wrong_id", "unknown_marking"]));
  });
});
