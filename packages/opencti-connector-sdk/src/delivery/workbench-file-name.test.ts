import { describe, expect, it } from "vitest";
import { workbenchFileName } from "./workbench-file-name.js";

const WORK = "work_5ed680de-75e2-4aa0-bec0-4e8e5a0d1695_2026-02-12T22:41:47.123Z";
const BUNDLE = "bundle--0c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e";

describe("workbenchFileName", () => {
  it("is <work id>.json for a work's first delivery, then <work id>_<n>.json", () => {
    expect([1, 2, 10].map((n) => workbenchFileName(WORK, BUNDLE, n))).toEqual([
      `${WORK}.json`,
      `${WORK}_2.json`,
      `${WORK}_10.json`,
    ]);
  });

  it("is <bundle id>.json without a work", () => {
    expect(workbenchFileName(undefined, BUNDLE, 3)).toBe(`${BUNDLE}.json`);
  });
});
