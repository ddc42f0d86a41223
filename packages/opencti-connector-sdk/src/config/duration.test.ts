import { describe, expect, it } from "vitest";
import { formatDuration, parseDuration } from "./duration.js";

describe("parseDuration", () => {
  it.each([
    ["PT1H", 3_600_000],
    ["PT0S", 0],
    ["0", 0],
    ["00", 0],
    ["0.0", 0],
    ["P0D", 0],
    ["P30D", 2_592_000_000],
    ["P1Y", 365 * 86_400_000],
    ["P1M", 30 * 86_400_000],
    ["P2W", 14 * 86_400_000],
    ["P1DT12H", 129_600_000],
    ["P1Y2M3W4DT5H6M7S", (365 + 60 + 21 + 4) * 86_400_000 + 5 * 3_600_000 + 6 * 60_000 + 7_000],
    ["PT1.5H", 5_400_000],
    ["PT1,5M", 90_000],
    ["PT0.7S", 0],
    ["PT10.999S", 10_000],
    ["P0.5D", 43_200_000],
    ["01:30:00", 5_400_000],
    ["00:00:05.9", 5_000],
    ["100:00:00", 360_000_000],
    [" PT5M ", 300_000],
  ])("%s -> %d ms", (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each([
    "",
    "P",
    "PT",
    "P1DT",
    "1",
    "3600",
    "0.5",
    "-0",
    "1H",
    "PT1H30",
    "P-1D",
    "pt1h",
    "PT1.5H30M",
    "P1.5DT1H",
    "01:60:00",
    "1:2:3",
    "PTH",
  ])("rejects %j with the accepted forms", (text) => {
    expect(() => parseDuration(text)).toThrow(RangeError);
    expect(() => parseDuration(text)).toThrow(/ISO-8601 duration such as PT1H/);
  });

  it("names the fraction rule when a fraction is not on the last component", () => {
    expect(() => parseDuration("PT1.5H30M")).toThrow("only the last component may have a fraction");
  });
});

describe("formatDuration", () => {
  it.each([
    [0, "PT0S"],
    [3_600_000, "PT1H"],
    [2_592_000_000, "P30D"],
    [129_600_000, "P1DT12H"],
    [90_500, "PT1M30S"],
  ])("%d ms -> %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
    expect(parseDuration(text)).toBe(Math.trunc(ms / 1_000) * 1_000);
  });
});
