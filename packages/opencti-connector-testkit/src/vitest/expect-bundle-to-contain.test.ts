import { describe, expect, it } from "vitest";
import { expectBundleToContain } from "./expect-bundle-to-contain.js";

const ACME = { type: "identity", id: "identity--1", name: "ACME Corp", identity_class: "organization" };
const EMOTET = { type: "malware", id: "malware--2", name: "Emotet", aliases: ["Geodo"] };

describe("expectBundleToContain", () => {
  it("passes when each expected object is matched by one object of the source", () => {
    expectBundleToContain({ type: "bundle", objects: [ACME, EMOTET] }, [
      { type: "malware", name: "Emotet" },
      { type: "identity", identity_class: "organization" },
    ]);
    expectBundleToContain([ACME], { name: expect.stringMatching(/^ACME/) });
    expectBundleToContain({ objects: () => [EMOTET] }, { aliases: ["Geodo"] });
  });

  it("fails, naming the missing object, when one expected object matches nothing", () => {
    expect(() => expectBundleToContain([ACME, EMOTET], [{ type: "malware", name: "TrickBot" }])).toThrow(/TrickBot/);
  });
});
