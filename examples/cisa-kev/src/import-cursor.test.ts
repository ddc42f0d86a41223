import { describe, expect, it } from "vitest";
import { kevEntry } from "../test/support/kev-entries.js";
import { cursorAfter, pendingEntries } from "./import-cursor.js";

const entries = [
  kevEntry({ cveID: "CVE-2025-0003", dateAdded: "2025-08-02" }),
  kevEntry({ cveID: "CVE-2025-0002", dateAdded: "2025-08-02" }),
  kevEntry({ cveID: "CVE-2024-9999", dateAdded: "2025-08-01" }),
  kevEntry({ cveID: "CVE-2025-0004", dateAdded: "2025-08-03" }),
];
const ids = (list: readonly { cveID: string }[]) => list.map((e) => e.cveID);

describe("pendingEntries", () => {
  it("returns the whole catalog oldest first, by CVE id within a day, when there is no cursor", () => {
    expect(ids(pendingEntries(entries, {}))).toEqual([
      "CVE-2024-9999",
      "CVE-2025-0002",
      "CVE-2025-0003",
      "CVE-2025-0004",
    ]);
  });

  it("keeps the later days and the entries of the cursor's day not imported yet", () => {
    const cursor = { last_date_added: "2025-08-02", last_date_cves: ["CVE-2025-0002"] };
    expect(ids(pendingEntries(entries, cursor))).toEqual(["CVE-2025-0003", "CVE-2025-0004"]);
  });

  it("returns nothing once every entry is imported", () => {
    expect(pendingEntries(entries, { last_date_added: "2025-08-03", last_date_cves: ["CVE-2025-0004"] })).toEqual([]);
  });

  it("does not reorder the caller's array", () => {
    const copy = [...entries];
    pendingEntries(copy, {});
    expect(ids(copy)).toEqual(ids(entries));
  });
});

describe("cursorAfter", () => {
  it("moves to the batch's newest day with the CVE ids of that day", () => {
    const batch = pendingEntries(entries, {}).slice(0, 2);
    expect(cursorAfter({}, batch)).toEqual({ last_date_added: "2025-08-02", last_date_cves: ["CVE-2025-0002"] });
  });

  it("adds to the ids of the same day imported by earlier batches", () => {
    const cursor = { last_date_added: "2025-08-02", last_date_cves: ["CVE-2025-0002"] };
    expect(cursorAfter(cursor, [kevEntry({ cveID: "CVE-2025-0003", dateAdded: "2025-08-02" })])).toEqual({
      last_date_added: "2025-08-02",
      last_date_cves: ["CVE-2025-0002", "CVE-2025-0003"],
    });
  });

  it("forgets the ids of an older day", () => {
    const cursor = { last_date_added: "2025-08-02", last_date_cves: ["CVE-2025-0002", "CVE-2025-0003"] };
    expect(cursorAfter(cursor, [kevEntry({ cveID: "CVE-2025-0004", dateAdded: "2025-08-03" })])).toEqual({
      last_date_added: "2025-08-03",
      last_date_cves: ["CVE-2025-0004"],
    });
  });

  it("keeps the cursor for an empty batch", () => {
    const cursor = { last_date_added: "2025-08-02", last_date_cves: ["CVE-2025-0002"] };
    expect(cursorAfter(cursor, [])).toBe(cursor);
  });

  it("with pendingEntries, imports each entry once across runs, same-day additions included", () => {
    let cursor = {};
    const imported: string[] = [];
    const run = (catalog: typeof entries) => {
      for (const entry of pendingEntries(catalog, cursor)) {
        imported.push(entry.cveID);
        cursor = cursorAfter(cursor, [entry]);
      }
    };
    run(entries.filter((e) => e.dateAdded < "2025-08-02" || e.cveID === "CVE-2025-0002"));
    run(entries);
    run(entries);
    expect(imported).toEqual(["CVE-2024-9999", "CVE-2025-0002", "CVE-2025-0003", "CVE-2025-0004"]);
  });
});
