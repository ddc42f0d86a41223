import { describe, expect, it } from "vitest";
import { formatStixTimestamp, isStixTimestamp, normalizeTimestamp } from "./stix-timestamp.js";

describe("isStixTimestamp", () => {
  it.each(["2024-02-29T10:00:00Z", "2024-02-29T10:00:00.1Z", "2024-02-29T10:00:00.123456789Z", "0001-01-01T00:00:00Z"])(
    "accepts %s",
    (value) => expect(isStixTimestamp(value)).toBe(true),
  );

  it.each([
    "2023-02-29T10:00:00Z",
    "2024-13-01T00:00:00Z",
    "2024-04-31T00:00:00Z",
    "2024-01-01T24:00:00Z",
    "2024-01-01T23:60:00Z",
    "2024-12-31T23:59:60Z",
    "2024-01-01T00:00:00",
    "2024-01-01T00:00:00+00:00",
    "2024-01-01 00:00:00Z",
    "2024-01-01T00:00:00.Z",
    "2024-01-01",
    "",
  ])("refuses %j", (value) => expect(isStixTimestamp(value)).toBe(false));
});

describe("normalizeTimestamp", () => {
  it("writes exactly three fraction digits in UTC", () => {
    expect(normalizeTimestamp("2022-11-25T19:00:05Z")).toBe("2022-11-25T19:00:05.000Z");
    expect(normalizeTimestamp("2022-11-25T19:00:05.1Z")).toBe("2022-11-25T19:00:05.100Z");
    expect(normalizeTimestamp("2022-11-25T19:00:05.123999Z")).toBe("2022-11-25T19:00:05.123Z");
    expect(normalizeTimestamp("2022-11-25T00:30:05.5+01:00")).toBe("2022-11-24T23:30:05.500Z");
    expect(normalizeTimestamp("2022-11-25T23:30:05-02:30")).toBe("2022-11-26T02:00:05.000Z");
  });

  it("returns undefined for anything else", () => {
    expect(normalizeTimestamp("2022-11-25")).toBeUndefined();
    expect(normalizeTimestamp("2022-11-25T19:00:05+25:00")).toBeUndefined();
    expect(normalizeTimestamp("not a date")).toBeUndefined();
  });
});

describe("formatStixTimestamp", () => {
  it("formats dates and epoch milliseconds", () => {
    expect(formatStixTimestamp(new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 6)))).toBe("2024-01-02T03:04:05.006Z");
    expect(formatStixTimestamp(0)).toBe("1970-01-01T00:00:00.000Z");
  });

  it("refuses invalid dates and years outside 0000-9999", () => {
    expect(() => formatStixTimestamp(Number.NaN)).toThrow(RangeError);
    expect(() => formatStixTimestamp(Date.UTC(10000, 0, 1))).toThrow(RangeError);
  });
});
