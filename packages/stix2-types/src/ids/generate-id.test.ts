import { describe, expect, it } from "vitest";
import { StixValidationError } from "../errors/stix-validation-error.js";
import { generateId } from "./generate-id.js";

describe("generateId", () => {
  it("reproduces the spec's examples", () => {
    expect(generateId({ type: "identity", name: "ACME Corp", identity_class: "organization" })).toBe(
      "identity--542072da-8b33-50bf-810b-d9cfd2a0bc69",
    );
    expect(generateId({ type: "malware", name: "Emotet" })).toBe("malware--36297121-bf18-56e1-b200-d39c9f9f5cee");
    expect(generateId({ type: "indicator", pattern: "[ipv4-addr:value = '1.2.3.4']" })).toBe(
      "indicator--274128a4-2ad4-50b5-ae7b-b0dea1fa9861",
    );
    expect(generateId({ type: "ipv4-addr", value: "1.2.3.4" })).toBe("ipv4-addr--0198f97b-e65d-5025-87e5-58bc39d4bdb4");
  });

  it("throws a StixValidationError when no way yields data", () => {
    expect(() => generateId({ type: "malware" })).toThrow(StixValidationError);
  });
});
