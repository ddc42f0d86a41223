import { describe, expect, it } from "vitest";
import { isIdSupported } from "./supported-types.js";

describe("isIdSupported", () => {
  it("accepts the types the worker imports and internal ids without `--`", () => {
    for (const id of [
      "indicator--1",
      "ipv4-addr--1",
      "x-opencti-case-incident--1",
      "x-mitre-data-source--1",
      "simple-observable--1",
      "pir--1",
      "workspace--1",
      "82316ffd-a0ec-4519-a454-6566f8f5676c",
    ]) {
      expect(isIdSupported(id), id).toBe(true);
    }
  });

  it("rejects other prefixes", () => {
    for (const id of ["x-mitre-asset--1", "x-mitre-matrix--1", "foo--1", "--1"])
      expect(isIdSupported(id), id).toBe(false);
  });
});
