import { MappingError } from "@org/opencti-connector-sdk";
import { generateId, type StixObject, TLP_AMBER, TLP_CLEAR, TLP_GREEN } from "@org/stix2-types";
import { describe, expect, it } from "vitest";
import { CLEAR, FILIGRAN, FIREEYE, FIREEYE_PART_OF, TECHNOLOGIES } from "../test/support/foreign-objects.js";
import type { DatasetObject } from "./client.js";
import { type DatasetRecord, datasetRecordId, datasetRecords, FILIGRAN_AUTHOR, mapDatasetRecord } from "./mapping.js";

const record = (entry: DatasetObject, file = "companies"): DatasetRecord => ({ file, entry });
const remark = (object: StixObject, markings = [TLP_CLEAR]) =>
  mapDatasetRecord(record({ index: 0, object }), FILIGRAN_AUTHOR, markings);

describe("FILIGRAN_AUTHOR", () => {
  it("is the identity the datasets carry, with its platform id", () => {
    expect(FILIGRAN_AUTHOR).toMatchObject({ id: FILIGRAN, name: "Filigran", identity_class: "organization" });
    expect(generateId(FILIGRAN_AUTHOR)).toBe(FILIGRAN);
  });
});

describe("datasetRecords", () => {
  it("keeps every object of the file but its marking definitions and its copies of the author", () => {
    const copy = { ...FILIGRAN_AUTHOR, description: "the file's copy" };
    const invalid = { index: 3, id: undefined, issues: [{ path: "", message: "is odd" }] };
    const objects: DatasetObject[] = [
      { index: 0, object: copy },
      { index: 1, object: TLP_CLEAR },
      { index: 2, object: TECHNOLOGIES },
      invalid,
    ];
    expect(datasetRecords({ name: "sectors", url: "", sha256: "", objects }, FILIGRAN_AUTHOR)).toEqual([
      { file: "sectors", entry: { index: 2, object: TECHNOLOGIES } },
      { file: "sectors", entry: invalid },
    ]);
  });
});

describe("mapDatasetRecord", () => {
  it("keeps the object as the file has it, its id and its references included (the platform adds its own id)", () => {
    expect(remark(FIREEYE_PART_OF)).toEqual({
      type: "relationship",
      spec_version: "2.1",
      id: FIREEYE_PART_OF.id,
      created: "2023-11-19T00:56:33.38746Z",
      modified: "2023-11-19T00:56:33.38746Z",
      relationship_type: "part-of",
      source_ref: FIREEYE.id,
      target_ref: TECHNOLOGIES.id,
      created_by_ref: FILIGRAN,
      object_marking_refs: [CLEAR],
    });
  });

  it("re-marks with the connector's markings and author, dropping granular markings", () => {
    const marked = {
      ...TECHNOLOGIES,
      created_by_ref: "identity--2f1e0d9c-8b7a-4c6d-9e5f-4a3b2c1d0e9f",
      object_marking_refs: [TLP_AMBER.id],
      granular_markings: [{ marking_ref: TLP_AMBER.id, selectors: ["name"] }],
      x_opencti_stix_ids: ["identity--aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"],
    } as StixObject;
    expect(remark(marked, [TLP_GREEN, TLP_AMBER])).toEqual({
      type: "identity",
      spec_version: "2.1",
      id: TECHNOLOGIES.id,
      created: "2023-11-19T00:56:33.38746Z",
      modified: "2023-11-19T00:56:33.38746Z",
      name: "Technologies",
      identity_class: "class",
      created_by_ref: FILIGRAN,
      object_marking_refs: [TLP_GREEN.id, TLP_AMBER.id],
      x_opencti_stix_ids: ["identity--aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"],
    });
  });

  it("authors observables with x_opencti_created_by_ref", () => {
    const ip = { type: "ipv4-addr", id: "ipv4-addr--1c7b1d6e-2f3a-4b5c-8d9e-0f1a2b3c4d5e", value: "198.51.100.7" };
    const mapped = mapDatasetRecord(
      { file: "observables", entry: { index: 0, object: ip as StixObject } },
      FILIGRAN_AUTHOR,
      [TLP_CLEAR],
    );
    expect(mapped).toEqual({
      type: "ipv4-addr",
      id: ip.id,
      value: "198.51.100.7",
      x_opencti_created_by_ref: FILIGRAN,
      object_marking_refs: [CLEAR],
    });
  });

  it("rejects an invalid object with a MappingError naming the file, position, id and every problem", () => {
    const entry = {
      index: 7,
      id: "identity--5d2e4c1a-0b9f-4e8d-a7c6-b5a4f3e2d1c0",
      issues: [
        { path: "name", message: "is required" },
        { path: "", message: "is odd" },
      ],
    };
    const error = (() => {
      try {
        mapDatasetRecord(record(entry, "sectors"), FILIGRAN_AUTHOR, [TLP_CLEAR]);
      } catch (e) {
        return e;
      }
    })() as MappingError;
    expect(MappingError.isInstance(error)).toBe(true);
    expect(error.recordId).toBe("sectors.json objects[7] identity--5d2e4c1a-0b9f-4e8d-a7c6-b5a4f3e2d1c0");
    expect(error.message).toBe("invalid STIX object: name: is required; is odd");
  });

  it("rejects an object the platform cannot identify", () => {
    const { name: _name, ...nameless } = TECHNOLOGIES as StixObject & { name: string };
    expect(() => remark(nameless as StixObject)).toThrow(
      new MappingError("the platform cannot compute an id for it (a property it is identified by is missing)", {
        recordId: `companies.json objects[0] ${TECHNOLOGIES.id}`,
      }),
    );
  });

  it("names records by file, position and id", () => {
    expect(datasetRecordId(record({ index: 2, object: FIREEYE }))).toBe(`companies.json objects[2] ${FIREEYE.id}`);
    expect(datasetRecordId(record({ index: 4, id: undefined, issues: [] }))).toBe("companies.json objects[4]");
  });
});
