import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describeConnectorPackage } from "@org/opencti-connector-testkit/vitest";
import { describe, expect, it } from "vitest";
import { templateConfig } from "../src/index.js";

/** The connector's folder (where `package.json` is). */
const CONNECTOR_DIR = join(import.meta.dirname, "..");

const read = (path: string) => readFileSync(join(CONNECTOR_DIR, path), "utf8");
const manifest = JSON.parse(read("__metadata__/connector_manifest.json")) as Record<string, unknown>;
const schema = JSON.parse(read("__metadata__/connector_config_schema.json")) as {
  $schema: unknown;
  $id: unknown;
  type: unknown;
  properties: Record<string, Record<string, unknown>>;
  required: unknown;
  additionalProperties: unknown;
};

describe("__metadata__/connector_manifest.json", () => {
  it("agrees with the connector's code: name, type, image, platform versions", () => {
    expect(manifest.title).toBe(templateConfig.connector.name);
    expect(manifest.container_type).toBe(templateConfig.connector.type);
    expect(manifest.container_image).toBe(`opencti/connector-${manifest.slug}`);
    expect(manifest.container_version).toBe("rolling");
    expect(read("src/index.ts")).toContain(`supportVersion: "${manifest.support_version}"`);
  });
});

describe("__metadata__/connector_config_schema.json", () => {
  it("has the catalog's envelope", () => {
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.$id).toBe(`https://www.filigran.io/connectors/${manifest.slug}_config.schema.json`);
    expect(schema.type).toBe("object");
    expect(schema.additionalProperties).toBe(true);
    expect(Array.isArray(schema.required) && schema.required.every((name) => typeof name === "string")).toBe(true);
  });

  it("types every property flatly: no union, no object, every array with a default", () => {
    for (const [name, property] of Object.entries(schema.properties)) {
      expect(property.type, name).toEqual(expect.stringMatching(/^(string|number|integer|boolean|array)$/));
      expect(property, name).not.toHaveProperty("anyOf");
      expect(property, name).not.toHaveProperty("oneOf");
      if (property.type === "array") expect(property, name).toHaveProperty("default");
    }
  });

  it("describes the base variables as the catalog expects of an external import", () => {
    const p = schema.properties;
    expect(schema.required).toEqual(expect.arrayContaining(["OPENCTI_URL", "OPENCTI_TOKEN"]));
    expect(p.OPENCTI_URL).toMatchObject({ type: "string", format: "uri" });
    expect(p).not.toHaveProperty("CONNECTOR_ID");
    expect(p.CONNECTOR_NAME).toMatchObject({ type: "string", default: expect.stringMatching(/\S/) });
    expect(p.CONNECTOR_TYPE).toMatchObject({ type: "string", const: "EXTERNAL_IMPORT" });
    const levels = ["error", "warning", "warn", "info", "debug"];
    expect(levels).toContain(p.CONNECTOR_LOG_LEVEL?.default);
    expect(levels).toEqual(expect.arrayContaining(p.CONNECTOR_LOG_LEVEL?.enum as string[]));
    expect(p.CONNECTOR_SCOPE).toMatchObject({ type: "array", default: expect.any(Array) });
    expect(p.CONNECTOR_DURATION_PERIOD).toMatchObject({ type: "string", format: "duration", default: "PT1H" });
    for (const name of ["CONNECTOR_NAME", "CONNECTOR_TYPE", "CONNECTOR_LOG_LEVEL"]) {
      expect(schema.required).not.toContain(name);
    }
  });

  it("runs from the variables alone: every setting but the secrets has a default", () => {
    const required = schema.required as string[];
    const withoutDefault = Object.entries(schema.properties)
      .filter(([name, property]) => !required.includes(name) && property.default === undefined)
      .map(([name]) => name);
    expect(withoutDefault).toEqual([]);
    expect(required.filter((name) => schema.properties[name]?.writeOnly !== true && name !== "OPENCTI_URL")).toEqual(
      [],
    );
  });

  it("declares the connector's settings (TEMPLATE_*), the API key as a secret", () => {
    expect(Object.keys(schema.properties).filter((name) => name.startsWith("TEMPLATE_"))).toEqual([
      "TEMPLATE_API_BASE_URL",
      "TEMPLATE_API_KEY",
      "TEMPLATE_TLP_LEVEL",
      "TEMPLATE_IMPORT_START_DATE",
    ]);
    expect(schema.properties.TEMPLATE_API_KEY).toMatchObject({ format: "password", writeOnly: true });
    expect(schema.properties.TEMPLATE_TLP_LEVEL).toMatchObject({
      enum: ["clear", "green", "amber", "amber+strict", "red"],
      default: "amber+strict",
    });
  });
});

// The generated files up to date, the manifest by the catalog's rules, docker-compose.yml's stop grace period.
describeConnectorPackage({ dir: CONNECTOR_DIR, config: templateConfig });
