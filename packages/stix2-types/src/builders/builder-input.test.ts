import { describe, expect, it } from "vitest";
import type { StixObject } from "../schemas/stix-object-schemas.js";
import { withDefaults } from "./builder-set.js";

const b = withDefaults({ now: 0 });

// Compiled by `tsc -p tsconfig.json` (`pnpm typecheck`): each @ts-expect-error must meet a type error.
function typeChecks(): void {
  // @ts-expect-error an indicator needs a name (OpenCTI)
  b.indicator({ pattern: "[ipv4-addr:value = '1.2.3.4']" });
  // @ts-expect-error only the identity classes OpenCTI keeps
  b.identity({ name: "X", identity_class: "group" });
  // @ts-expect-error a note needs created (part of its id)
  b.note({ content: "x", object_refs: ["malware--36297121-bf18-56e1-b200-d39c9f9f5cee"] });
  // @ts-expect-error unknown properties must start with x_
  b.malware({ name: "X", descripton: "typo" });
  // @ts-expect-error the id is computed
  b.tool({ name: "X", id: "tool--36297121-bf18-56e1-b200-d39c9f9f5cee" });
  // @ts-expect-error observables have no created
  b.ipv4Address({ value: "1.2.3.4", created: "2024-01-01T00:00:00Z" });
  b.malware({ name: "X", x_anything: { nested: true } });
}

describe("builder input types", () => {
  it("are checked by the compiler (see typeChecks) and narrow on type", () => {
    expect(typeof typeChecks).toBe("function");
    const object: StixObject = b.ipv4Address({ value: "1.2.3.4" });
    if (object.type === "ipv4-addr") expect(object.value).toBe("1.2.3.4");
    else expect.unreachable();
  });
});
