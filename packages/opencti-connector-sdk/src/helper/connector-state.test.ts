import { describe, expect, it } from "vitest";
import { isRemoteReset, jsonEqual, parseState, serializeState } from "./connector-state.js";

describe("connector state", () => {
  it.each([null, undefined, "", "  ", "null", "not json", "[1]", '"text"', "42", "{}"])(
    "reads %j as no state",
    (raw) => {
      expect(parseState(raw)).toBeNull();
    },
  );

  it("reads a JSON object and serialises like pycti (null when empty)", () => {
    expect(parseState('{"last_run":"2026-02-12T22:00:00Z","n":1}')).toEqual({ last_run: "2026-02-12T22:00:00Z", n: 1 });
    expect(serializeState(null)).toBe("null");
    expect(serializeState({ a: [1, { b: true }] })).toBe('{"a":[1,{"b":true}]}');
  });

  it("compares structurally, ignoring key order", () => {
    expect(jsonEqual({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(jsonEqual({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
    expect(jsonEqual(null, {})).toBe(false);
  });

  it("sees a reset only when the platform returns another state than the one sent", () => {
    expect(isRemoteReset({ cursor: 1 }, '{"cursor":1}')).toBe(false);
    expect(isRemoteReset(null, "null")).toBe(false);
    expect(isRemoteReset({}, "")).toBe(false);
    expect(isRemoteReset({ at: new Date(0) }, '{"at":"1970-01-01T00:00:00.000Z"}')).toBe(false);
    expect(isRemoteReset({ cursor: 1 }, "")).toBe(true);
    expect(isRemoteReset({ cursor: 1 }, null)).toBe(true);
    expect(isRemoteReset(null, '{"cursor":0}')).toBe(true);
  });
});
