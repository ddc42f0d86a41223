import { describe, expect, it } from "vitest";
import { ACME_MANIFEST as VALID } from "../../test/support/acme-manifest.js";
import { connectorManifestProblems } from "./connector-manifest-problems.js";

describe("connectorManifestProblems", () => {
  it("finds nothing wrong with a manifest the catalog accepts", () => {
    expect(connectorManifestProblems(VALID)).toEqual([]);
    expect(connectorManifestProblems({ ...VALID, last_verified_date: "2026-01-31", license_type: null })).toEqual([]);
  });

  it("names every missing key, invalid value and unknown key", () => {
    const { logo: _logo, ...withoutLogo } = VALID;
    const manifest = {
      ...withoutLogo,
      slug: "Acme Feed",
      use_cases: ["Other", "Anything"],
      short_description: "x".repeat(251),
      max_confidence_level: 101,
      container_image: "acme/feed",
      extra: true,
    };
    expect(connectorManifestProblems(manifest)).toEqual([
      'slug: "Acme Feed" is not kebab-case, e.g. acme-feed',
      `short_description: "${"x".repeat(251)}" is not a non-empty string of at most 250 characters`,
      "logo: missing (a path or null)",
      `use_cases: ["Other","Anything"] is not 1 to 3 of the catalog's use cases`,
      "max_confidence_level: 101 is not 0 to 100",
      'container_image: "acme/feed" is not opencti/connector-<slug>',
      "extra: not a key of the catalog's manifest",
    ]);
  });

  it("refuses what is not a JSON object", () => {
    expect(connectorManifestProblems([VALID])).toEqual(["the manifest must be a JSON object"]);
  });
});
