import { describe, expect, it } from "vitest";
import { SEEDED_MARKINGS } from "./seeded-markings.js";

describe("SEEDED_MARKINGS", () => {
  it("lists the platform's nine seeded markings with their standard ids (spec §9.5)", () => {
    expect(SEEDED_MARKINGS.map((m) => [m.name, m.id])).toEqual([
      ["TLP:CLEAR", "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9"],
      ["TLP:GREEN", "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da"],
      ["TLP:AMBER", "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82"],
      ["TLP:AMBER+STRICT", "marking-definition--826578e1-40ad-459f-bc73-ede076f81f37"],
      ["TLP:RED", "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed"],
      ["PAP:CLEAR", "marking-definition--4cdff7eb-acb8-543f-8573-829eb9fe8b34"],
      ["PAP:GREEN", "marking-definition--89484dde-e3d2-547f-a6c6-d14824429eb1"],
      ["PAP:AMBER", "marking-definition--a6f20d4d-0360-59b6-ba22-3b48707828b1"],
      ["PAP:RED", "marking-definition--4e4e3b84-de45-53df-9d9b-b21207699fd8"],
    ]);
    expect(Object.isFrozen(SEEDED_MARKINGS)).toBe(true);
  });
});
