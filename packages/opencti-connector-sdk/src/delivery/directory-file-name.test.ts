import { afterEach, describe, expect, it } from "vitest";
import { directoryFileName } from "./directory-file-name.js";

const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

describe("directoryFileName", () => {
  it("is <name lower-cased, spaces as _>-<local YYYYmmdd-HHMMSS>-<epoch seconds>.json", () => {
    process.env.TZ = "UTC";
    expect(directoryFileName("My Feed  Connector", Date.parse("2026-02-12T22:41:47.123Z"))).toBe(
      "my_feed__connector-20260212-224147-1770936107.123.json",
    );
  });

  it("uses local time and always writes a fractional part, as Python's str(float)", () => {
    process.env.TZ = "Asia/Tokyo";
    expect(directoryFileName("feed", Date.parse("2026-02-12T22:41:47.000Z"))).toBe(
      "feed-20260213-074147-1770936107.0.json",
    );
  });
});
