import { describe, expect, it } from "vitest";
import { parsePlatformVersion, satisfiesRange } from "./platform-version.js";

describe("platform versions", () => {
  it("reads semantic and calendar versions as three integers", () => {
    expect(parsePlatformVersion("6.9.17")).toEqual([6, 9, 17]);
    expect(parsePlatformVersion("7.260817.0")).toEqual([7, 260817, 0]);
    expect(parsePlatformVersion("6.8")).toEqual([6, 8, 0]);
    expect(parsePlatformVersion("6.9.17-rc.1")).toEqual([6, 9, 17]);
    expect(parsePlatformVersion("unknown")).toBeUndefined();
  });

  it.each([
    ["6.9.17", ">=6.8.0", true],
    ["6.7.9", ">=6.8.0", false],
    ["7.260817.0", ">=6.8.12", true],
    ["6.8.12", ">6.8.12", false],
    ["6.9.0", ">=6.8.0 <7", true],
    ["7.0.0", ">=6.8.0, <7", false],
    ["6.9.17", "6.9.17", true],
    ["6.9.17", "<=6.9", false],
  ])("%s satisfies %s: %s", (version, range, expected) => {
    expect(satisfiesRange(parsePlatformVersion(version) ?? [0, 0, 0], range)).toBe(expected);
  });

  it("rejects ranges it cannot read", () => {
    expect(() => satisfiesRange([6, 9, 17], "^6.8")).toThrow('Invalid version range "^6.8"');
    expect(() => satisfiesRange([6, 9, 17], " ")).toThrow(TypeError);
  });
});
