import { describe, expect, it } from "vitest";
import { z } from "zod";
import { connectorConfigDoc } from "./connector-config-doc.js";
import { connectorConfigJsonSchema } from "./connector-config-json-schema.js";
import { defineConnectorConfig } from "./define-connector-config.js";
import { isoDuration } from "./iso-duration.js";
import { secret } from "./secret.js";

describe("connectorConfigJsonSchema", () => {
  it("emits the catalog schema of an external import with its own settings", () => {
    const definition = defineConnectorConfig({
      namespace: "template",
      schema: z.object({
        api_base_url: z.url().describe("Source API URL."),
        api_key: secret(z.string()).describe("Source API key."),
        import_start_date: isoDuration().prefault("P30D").describe("How far back the first run reads."),
        max_pages: z.int().default(10),
        tlp_level: z.enum(["clear", "green"]).default("clear"),
        feeds: z.array(z.enum(["a", "b"])),
        verify: z.boolean().optional(),
      }),
      connector: { type: "EXTERNAL_IMPORT", name: "Template", scope: ["report"], durationPeriod: "PT1H" },
    });
    expect(connectorConfigJsonSchema(definition, { slug: "external-import" })).toEqual({
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://www.filigran.io/connectors/external-import_config.schema.json",
      type: "object",
      properties: {
        OPENCTI_URL: {
          type: "string",
          description: "URL of the OpenCTI platform; requests go to `<url>/graphql`.",
          format: "uri",
        },
        OPENCTI_TOKEN: {
          type: "string",
          description: "API token of the connector's OpenCTI user (not `ChangeMe`).",
          format: "password",
          writeOnly: true,
        },
        CONNECTOR_TYPE: { type: "string", const: "EXTERNAL_IMPORT", default: "EXTERNAL_IMPORT" },
        CONNECTOR_NAME: {
          type: "string",
          description: "Display name (at least 2 characters); also the logger name.",
          default: "Template",
        },
        CONNECTOR_SCOPE: {
          type: "array",
          description: "Comma-separated scope sent at registration.",
          items: { type: "string" },
          default: ["report"],
        },
        CONNECTOR_LOG_LEVEL: {
          type: "string",
          description: "Log threshold, case-insensitive.",
          enum: ["debug", "info", "warn", "warning", "error"],
          default: "error",
        },
        CONNECTOR_DURATION_PERIOD: {
          type: "string",
          description:
            "Time between the end of a run and the start of the next, ISO-8601 (`PT1H`, `P1D`); `PT0S` runs once and exits.",
          format: "duration",
          default: "PT1H",
        },
        TEMPLATE_API_BASE_URL: { type: "string", description: "Source API URL.", format: "uri" },
        TEMPLATE_API_KEY: { type: "string", description: "Source API key.", format: "password", writeOnly: true },
        TEMPLATE_IMPORT_START_DATE: {
          type: "string",
          description: "How far back the first run reads.",
          default: "P30D",
          format: "duration",
        },
        TEMPLATE_MAX_PAGES: { type: "integer", default: 10 },
        TEMPLATE_TLP_LEVEL: { type: "string", default: "clear", enum: ["clear", "green"] },
        TEMPLATE_FEEDS: { type: "array", items: { type: "string", enum: ["a", "b"] }, default: [] },
        TEMPLATE_VERIFY: { type: "boolean" },
      },
      required: ["OPENCTI_URL", "OPENCTI_TOKEN", "TEMPLATE_API_BASE_URL", "TEMPLATE_API_KEY", "TEMPLATE_FEEDS"],
      additionalProperties: true,
    });
  });

  it("follows the catalog rules for every connector type", () => {
    for (const type of ["INTERNAL_ENRICHMENT", "STREAM", "INTERNAL_IMPORT_FILE"] as const) {
      const schema = connectorConfigJsonSchema(
        defineConnectorConfig({ namespace: "src", schema: z.object({}), connector: { type, name: "Source" } }),
      );
      const keys = Object.keys(schema.properties);
      expect(keys).not.toContain("CONNECTOR_ID");
      expect(keys).not.toContain("CONNECTOR_DURATION_PERIOD");
      for (const property of Object.values(schema.properties)) {
        expect(property.type).toBeDefined();
        if (property.type === "array") expect(property.default).toEqual(expect.any(Array));
      }
      if (type === "INTERNAL_ENRICHMENT") {
        expect(schema.properties.CONNECTOR_AUTO).toMatchObject({ type: "boolean", default: false });
        expect(schema.properties.CONNECTOR_SCOPE?.default).toEqual(["not-applicable"]);
      }
      if (type === "STREAM") {
        expect(keys).toEqual(
          expect.arrayContaining(["CONNECTOR_LIVE_STREAM_ID", "CONNECTOR_LIVE_STREAM_LISTEN_DELETE"]),
        );
        expect(keys).not.toContain("CONNECTOR_SCOPE");
      }
    }
  });

  it("requires the defaults the catalog needs", () => {
    const noName = defineConnectorConfig({ namespace: "src", schema: z.object({}), connector: { type: "STREAM" } });
    expect(() => connectorConfigJsonSchema(noName)).toThrow("needs a default connector name");
    const noPeriod = defineConnectorConfig({
      namespace: "src",
      schema: z.object({}),
      connector: { type: "EXTERNAL_IMPORT", name: "Src" },
    });
    expect(() => connectorConfigJsonSchema(noPeriod)).toThrow("connector.durationPeriod");
  });

  it("renders CONNECTOR_CONFIG_DOC.md from the schema, required variables first", () => {
    const definition = defineConnectorConfig({
      namespace: "src",
      schema: z.object({ api_key: secret(z.string()).describe("Key | token"), days: z.int().default(7) }),
      connector: { type: "EXTERNAL_IMPORT", name: "Source", durationPeriod: "PT1H" },
    });
    const doc = connectorConfigDoc(connectorConfigJsonSchema(definition)).split("\n");
    expect(doc.slice(6, 10)).toEqual([
      "| Property | Type | Required | Possible values | Default | Description |",
      "| -------- | ---- | -------- | --------------- | ------- | ----------- |",
      "| OPENCTI_URL | `string` | ✅ | Format: [`uri`](https://json-schema.org/understanding-json-schema/reference/string#built-in-formats) |  | URL of the OpenCTI platform; requests go to `<url>/graphql`. |",
      "| OPENCTI_TOKEN | `string` | ✅ | Format: [`password`](https://json-schema.org/understanding-json-schema/reference/string#built-in-formats) |  | API token of the connector's OpenCTI user (not `ChangeMe`). |",
    ]);
    expect(doc).toContain(
      "| SRC_API_KEY | `string` | ✅ | Format: [`password`](https://json-schema.org/understanding-json-schema/reference/string#built-in-formats) |  | Key \\| token |",
    );
    expect(doc).toContain('| CONNECTOR_TYPE | `const` |  | `EXTERNAL_IMPORT` | `"EXTERNAL_IMPORT"` |  |');
    expect(doc).toContain("| SRC_DAYS | `integer` |  | integer | `7` |  |");
  });
});
