import { expect, it } from "vitest";
import { STIX_SPEC_VERSION } from "./index.js";

it("targets STIX 2.1", () => {
  expect(STIX_SPEC_VERSION).toBe("2.1");
});
