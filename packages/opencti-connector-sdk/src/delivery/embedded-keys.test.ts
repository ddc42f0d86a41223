import { describe, expect, it } from "vitest";
import { describeExternalReference, externalReferenceKey, killChainPhaseKey } from "./embedded-keys.js";

describe("externalReferenceKey", () => {
  it("uses the url when present, else source_name and external_id (spec §9.3 ways)", () => {
    expect(externalReferenceKey({ url: "https://x", source_name: "s", external_id: "e" })).toBe('{"url":"https://x"}');
    expect(externalReferenceKey({ source_name: "s", external_id: "e" })).toBe('{"external_id":"e","source_name":"s"}');
    expect(externalReferenceKey({ url: "", source_name: "s", external_id: "e" })).toBe(
      '{"external_id":"e","source_name":"s"}',
    );
  });

  it("has no key without a url or without both source_name and external_id", () => {
    expect(externalReferenceKey({ external_id: "e" })).toBeUndefined();
    expect(externalReferenceKey({ source_name: "s" })).toBeUndefined();
    expect(externalReferenceKey({ source_name: "s", external_id: "" })).toBeUndefined();
    expect(externalReferenceKey({ description: "d" })).toBeUndefined();
    expect(externalReferenceKey("https://x")).toBeUndefined();
    expect(externalReferenceKey({ url: { nested: true } })).toBeUndefined();
  });

  it("describes a reference by url, else source_name:external_id", () => {
    expect(describeExternalReference({ url: "https://x", source_name: "s" })).toBe("https://x");
    expect(describeExternalReference({ source_name: "s", external_id: "e" })).toBe("s:e");
    expect(describeExternalReference({ description: "d" })).toBeUndefined();
  });
});

describe("killChainPhaseKey", () => {
  it("identifies a phase by kill_chain_name and phase_name only", () => {
    expect(killChainPhaseKey({ kill_chain_name: "k", phase_name: "p", x_opencti_order: 2 })).toBe(
      killChainPhaseKey({ phase_name: "p", kill_chain_name: "k" }),
    );
    expect(killChainPhaseKey({ phase_name: "p" })).toBe('[null,"p"]');
  });
});
