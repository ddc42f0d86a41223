import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical-json.js";

describe("canonicalJson (RFC 8785)", () => {
  it("sorts keys by UTF-16 code units, recursively, without whitespace", () => {
    // RFC 8785 §3.2.3: the emoji (surrogate pair D83D DE00) sorts before U+FB33, unlike code point order.
    const value = {
      "\u20ac": "Euro",
      "\r": "CR",
      "\ufb33": "Hebrew",
      "1": "One",
      "\u{1f600}": "Emoji",
      "\u0080": "Ctl",
      "\u00f6": "o",
    };
    expect(canonicalJson(value)).toBe(
      '{"\\r":"CR","1":"One","\u0080":"Ctl","ö":"o","€":"Euro","\u{1f600}":"Emoji","\ufb33":"Hebrew"}',
    );
    expect(canonicalJson({ b: [3, { z: 1, a: null }], a: true })).toBe('{"a":true,"b":[3,{"a":null,"z":1}]}');
  });

  it("escapes strings as JSON.stringify does (RFC 8785 §3.2.2.2)", () => {
    expect(canonicalJson("\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"/")).toBe('"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"');
    expect(canonicalJson("\ud800")).toBe('"\\ud800"');
  });

  it("writes numbers in the ECMAScript form", () => {
    expect(canonicalJson([1e21, 1e-7, 0.000001, -0, 5.12, 333333333.3333333])).toBe(
      "[1e+21,1e-7,0.000001,0,5.12,333333333.3333333]",
    );
  });

  it("skips undefined object properties and writes dates as ISO strings", () => {
    expect(canonicalJson({ a: undefined, b: new Date("2022-11-25T19:00:05Z") })).toBe(
      '{"b":"2022-11-25T19:00:05.000Z"}',
    );
  });

  it("refuses values JSON cannot represent", () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalJson(Number.POSITIVE_INFINITY)).toThrow(TypeError);
    expect(() => canonicalJson(10n)).toThrow(TypeError);
    expect(() => canonicalJson([undefined])).toThrow(/undefined at index 0/);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(TypeError);
  });
});
