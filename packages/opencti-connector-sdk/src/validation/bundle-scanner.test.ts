import { describe, expect, it } from "vitest";
import { BundleScanner } from "./bundle-scanner.js";

describe("BundleScanner", () => {
  it("hands out each element's raw text as soon as it is complete, and the envelope at the end", () => {
    const scanner = new BundleScanner();
    scanner.write('{"id": "bundle--1", "objects": [ {"a": "x]\\\\"} , [1, {"b": ');
    expect(scanner.take()).toEqual([{ index: 0, text: '{"a": "x]\\\\"}' }]);
    scanner.write('"}"}], "z"');
    expect(scanner.take()).toEqual([
      { index: 1, text: '[1, {"b": "}"}]' },
      { index: 2, text: '"z"' },
    ]);
    expect(scanner.take()).toEqual([]);
    scanner.write(', -1.5e3 , null ] ,"type" :"bundle"}  \n');
    expect(scanner.take()).toEqual([
      { index: 3, text: "-1.5e3" },
      { index: 4, text: "null" },
    ]);
    expect(scanner.end()).toEqual({
      properties: { id: "bundle--1", type: "bundle" },
      wrapper: undefined,
      objectCount: 5,
    });
  });

  it("treats a bundle property that is not an object like any other property of the wrapper", () => {
    const scanner = new BundleScanner();
    scanner.write('{"bundle": "name", "objects": []}');
    expect(scanner.end()).toEqual({ properties: { bundle: "name" }, wrapper: undefined, objectCount: 0 });
  });

  it("fails at the end of an unfinished input", () => {
    const scanner = new BundleScanner();
    scanner.write('{"objects": [], "type": "bun');
    expect(() => scanner.end()).toThrow("bundle: the input ends before the bundle does (truncated file?)");
  });
});
