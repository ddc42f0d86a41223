import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
// README example: begin
import { createBundle, identity, TLP_AMBER, withDefaults } from "../src/index.js";

const record = { ip: "198.51.100.7", score: 80, seen: "2024-05-01T10:00:00Z" }; // one feed record

const author = identity({ name: "Example Feed", identity_class: "organization" });
const b = withDefaults({ createdBy: author, markings: [TLP_AMBER] });
const ip = b.ipv4Address({ value: record.ip, x_opencti_score: record.score });
const indicator = b.indicatorFor(ip, { valid_from: record.seen, x_opencti_score: record.score });
const basedOn = b.relationship({ relationship_type: "based-on", source_ref: indicator.id, target_ref: ip.id });
const { bundle, danglingRefs } = createBundle([author, TLP_AMBER, ip, indicator, basedOn]);
// README example: end

it("the README example compiles, runs and is the one in the README", () => {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  const source = readFileSync(new URL(import.meta.url), "utf8");
  const example = source.split("// README example: begin\n")[1]?.split("// README example: end")[0] ?? "";
  const shown = example.replace('from "../src/index.js"', 'from "@org/stix2-types"');
  expect(readme).toContain(shown.trim());

  expect(danglingRefs).toEqual([]);
  expect(bundle.objects.map((o) => o.id)).toEqual([
    "identity--17911906-5784-5827-9b6a-d0fa4b8ad499",
    "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82",
    "ipv4-addr--12592121-be4c-5a93-a813-5a5af16e50db",
    "indicator--3ae0b0a2-7289-5fda-8a85-02d057ba0968",
    basedOn.id,
  ]);
  expect(indicator).toMatchObject({
    name: "198.51.100.7",
    pattern: "[ipv4-addr:value = '198.51.100.7']",
    valid_from: "2024-05-01T10:00:00.000Z",
    x_opencti_main_observable_type: "IPv4-Addr",
    created_by_ref: author.id,
    object_marking_refs: [TLP_AMBER.id],
  });
});
