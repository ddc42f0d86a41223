import { describe, expect, it } from "vitest";
import { formatJsonPath } from "./json-path.js";
import { StixValidationError } from "./stix-validation-error.js";

describe("StixValidationError", () => {
  it("lists every issue in its message and keeps them", () => {
    const error = new StixValidationError([
      { path: "value", message: "must be an IPv4 address" },
      { path: "", message: "needs at least one of hashes, name" },
    ]);
    expect(error.name).toBe("StixValidationError");
    expect(error.message).toBe(
      "Invalid STIX (2 problems):\n- value: must be an IPv4 address\n- needs at least one of hashes, name",
    );
    expect(error.issues).toHaveLength(2);
    expect(new StixValidationError([{ path: "a", message: "b" }]).message).toBe("Invalid STIX: a: b");
  });

  it("is recognised by its marker, also across copies of the package", () => {
    const cause = new Error("zod");
    const error = new StixValidationError([{ path: "", message: "x" }], { cause });
    expect(error.cause).toBe(cause);
    expect(StixValidationError.isInstance(error)).toBe(true);
    expect(StixValidationError.isInstance(new Error("x"))).toBe(false);
    expect(StixValidationError.isInstance(null)).toBe(false);
    const copy = { [Symbol.for("org.stix2-types.error.StixValidationError")]: true };
    expect(StixValidationError.isInstance(copy)).toBe(true);
  });
});

describe("formatJsonPath", () => {
  it("uses dots for identifiers and brackets for indexes and other keys", () => {
    expect(formatJsonPath(["objects", 3, "hashes", "SHA-256"])).toBe('objects[3].hashes["SHA-256"]');
    expect(formatJsonPath([])).toBe("");
    expect(formatJsonPath([0, "a"])).toBe("[0].a");
  });
});
