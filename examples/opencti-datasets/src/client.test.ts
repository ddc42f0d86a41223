import { describe, expect, it } from "vitest";
import { FIREEYE, FIREEYE_PART_OF, TECHNOLOGIES } from "../test/support/foreign-objects.js";
import { datasetObjects } from "./client.js";

const bundle = (objects: unknown[]) => ({
  type: "bundle" as const,
  id: "bundle--45cba854-b76b-4dea-b0a2-f278214f90d4",
  objects,
});

describe("datasetObjects", () => {
  it("returns every object of a valid bundle with its position", () => {
    expect(datasetObjects(bundle([TECHNOLOGIES, FIREEYE]))).toEqual([
      { index: 0, object: TECHNOLOGIES },
      { index: 1, object: FIREEYE },
    ]);
  });

  it("keeps the valid objects and lists each invalid one's problems, relative to the object", () => {
    const nameless = { ...FIREEYE, name: undefined, id: "identity--5d2e4c1a-0b9f-4e8d-a7c6-b5a4f3e2d1c0" };
    const odd = { ...TECHNOLOGIES, colour: "blue" };
    expect(datasetObjects(bundle([TECHNOLOGIES, nameless, FIREEYE_PART_OF, odd, "text"]))).toEqual([
      { index: 0, object: TECHNOLOGIES },
      {
        index: 1,
        id: "identity--5d2e4c1a-0b9f-4e8d-a7c6-b5a4f3e2d1c0",
        issues: [{ path: "name", message: expect.any(String) }],
      },
      { index: 2, object: FIREEYE_PART_OF },
      {
        index: 3,
        id: TECHNOLOGIES.id,
        issues: [
          {
            path: "colour",
            message: 'unknown property "colour" for type identity (custom properties must start with x_)',
          },
        ],
      },
      { index: 4, id: undefined, issues: [{ path: "", message: "must be a STIX object (a JSON object with a type)" }] },
    ]);
  });
});
