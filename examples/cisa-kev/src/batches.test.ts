import { describe, expect, it } from "vitest";
import { kevEntry } from "../test/support/kev-entries.js";
import { planBatches } from "./batches.js";

describe("planBatches", () => {
  const entries = [
    kevEntry({ cveID: "CVE-2025-0001", product: "Widget" }),
    kevEntry({ cveID: "CVE-2025-0002", product: "Gadget" }),
    kevEntry({ cveID: "CVE-2025-0003", product: "Widget " }),
    kevEntry({ cveID: "CVE-2025-0004", product: "Widget" }),
    kevEntry({ cveID: "CVE-2025-0005", vendorProject: "Other", product: "Widget" }),
  ];

  it("cuts batches of the given size, in order", () => {
    const batches = planBatches(entries, 2);
    expect(batches.map((b) => b.map((r) => r.entry.cveID))).toEqual([
      ["CVE-2025-0001", "CVE-2025-0002"],
      ["CVE-2025-0003", "CVE-2025-0004"],
      ["CVE-2025-0005"],
    ]);
  });

  it("emits each vendor's product once per batch, with its first entry", () => {
    expect(planBatches(entries, 5)[0]?.map((r) => r.withSoftware)).toEqual([true, true, false, false, true]);
    expect(planBatches(entries, 2).map((b) => b.map((r) => r.withSoftware))).toEqual([
      [true, true],
      [true, false],
      [true],
    ]);
  });

  it("returns no batch for no entry and rejects a size below 1", () => {
    expect(planBatches([], 10)).toEqual([]);
    expect(() => planBatches(entries, 0)).toThrow("batch size must be an integer >= 1, got 0");
  });
});
