import { describe, expect, it } from "vitest";
import { StixValidationError } from "../errors/stix-validation-error.js";
import { generateId } from "../ids/generate-id.js";
import { parseStixObject } from "../schemas/parse.js";
import { PAP_AMBER, PAP_CLEAR, PAP_GREEN, PAP_RED, papMarking } from "./pap.js";
import {
  parseTlpLevel,
  TLP_AMBER,
  TLP_AMBER_STRICT,
  TLP_CLEAR,
  TLP_GREEN,
  TLP_LEVELS,
  TLP_RED,
  tlpMarking,
} from "./tlp.js";

describe("TLP markings", () => {
  it("emits CLEAR with TLP:WHITE's STIX id and definition, never the name TLP:WHITE", () => {
    expect(TLP_CLEAR).toEqual({
      type: "marking-definition",
      spec_version: "2.1",
      id: "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9",
      created: "2017-01-20T00:00:00.000Z",
      name: "TLP:CLEAR",
      definition_type: "tlp",
      definition: { tlp: "white" },
      x_opencti_definition_type: "TLP",
      x_opencti_definition: "TLP:CLEAR",
    });
  });

  it("emits AMBER+STRICT as a statement with the platform's fixed id", () => {
    expect(TLP_AMBER_STRICT).toEqual({
      type: "marking-definition",
      spec_version: "2.1",
      id: "marking-definition--826578e1-40ad-459f-bc73-ede076f81f37",
      created: "2017-01-20T00:00:00.000Z",
      name: "TLP:AMBER+STRICT",
      definition_type: "statement",
      definition: { statement: "TLP:AMBER+STRICT" },
      x_opencti_definition_type: "TLP",
      x_opencti_definition: "TLP:AMBER+STRICT",
    });
  });

  it.each([
    [TLP_CLEAR, "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9", { tlp: "white" }],
    [TLP_GREEN, "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da", { tlp: "green" }],
    [TLP_AMBER, "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82", { tlp: "amber" }],
    [TLP_AMBER_STRICT, "marking-definition--826578e1-40ad-459f-bc73-ede076f81f37", { statement: "TLP:AMBER+STRICT" }],
    [TLP_RED, "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed", { tlp: "red" }],
  ])("%# has its fixed id, validates and agrees with generateId", (marking, id, definition) => {
    expect(marking.id).toBe(id);
    expect(marking.definition).toEqual(definition);
    expect(parseStixObject(marking)).toEqual(marking);
    expect(generateId(marking)).toBe(id);
    expect(Object.isFrozen(marking)).toBe(true);
  });

  it.each([
    ["clear", TLP_CLEAR],
    ["white", TLP_CLEAR],
    ["TLP:WHITE", TLP_CLEAR],
    [" tlp:Clear ", TLP_CLEAR],
    ["GREEN", TLP_GREEN],
    ["Amber", TLP_AMBER],
    ["amber+strict", TLP_AMBER_STRICT],
    ["TLP:AMBER+STRICT", TLP_AMBER_STRICT],
    ["tlp: red", TLP_RED],
  ])("tlpMarking(%j)", (input, expected) => {
    expect(tlpMarking(input)).toBe(expected);
  });

  it.each(["amber strict", "TLP:BLACK", "", "pap:red", "TLP"])("refuses %j with a clear error", (input) => {
    expect(() => parseTlpLevel(input)).toThrow(StixValidationError);
    expect(() => tlpMarking(input)).toThrow(
      `unknown TLP level ${JSON.stringify(input)}: use clear, green, amber, amber+strict or red (white is read as clear)`,
    );
  });

  it("reads levels from user input", () => {
    expect(parseTlpLevel("White")).toBe("clear");
    expect(parseTlpLevel("TLP:AMBER+STRICT")).toBe("amber+strict");
  });

  it("lists the five TLP 2.0 levels in order, each read as itself and marking with its definition", () => {
    expect(TLP_LEVELS).toEqual(["clear", "green", "amber", "amber+strict", "red"]);
    expect(Object.isFrozen(TLP_LEVELS)).toBe(true);
    expect(TLP_LEVELS.map((level) => parseTlpLevel(level))).toEqual([...TLP_LEVELS]);
    expect(TLP_LEVELS.map((level) => tlpMarking(level))).toEqual([
      TLP_CLEAR,
      TLP_GREEN,
      TLP_AMBER,
      TLP_AMBER_STRICT,
      TLP_RED,
    ]);
  });
});

describe("PAP markings", () => {
  it.each([
    [PAP_CLEAR, "marking-definition--4cdff7eb-acb8-543f-8573-829eb9fe8b34", "PAP:CLEAR"],
    [PAP_GREEN, "marking-definition--89484dde-e3d2-547f-a6c6-d14824429eb1", "PAP:GREEN"],
    [PAP_AMBER, "marking-definition--a6f20d4d-0360-59b6-ba22-3b48707828b1", "PAP:AMBER"],
    [PAP_RED, "marking-definition--4e4e3b84-de45-53df-9d9b-b21207699fd8", "PAP:RED"],
  ])("%o has the platform's id", (marking, id, name) => {
    expect(marking).toEqual({
      type: "marking-definition",
      spec_version: "2.1",
      id,
      created: "2017-01-20T00:00:00.000Z",
      name,
      definition_type: "statement",
      definition: { statement: name },
      x_opencti_definition_type: "PAP",
      x_opencti_definition: name,
    });
    expect(generateId(marking)).toBe(id);
    expect(parseStixObject(marking)).toEqual(marking);
  });

  it("reads levels from user input", () => {
    expect(papMarking("PAP:Amber")).toBe(PAP_AMBER);
    expect(papMarking("clear")).toBe(PAP_CLEAR);
    expect(() => papMarking("white")).toThrow('unknown PAP level "white": use clear, green, amber or red');
  });
});
