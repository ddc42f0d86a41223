import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildSchema, type GraphQLSchema, Kind, type OperationDefinitionNode, parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { renderSchemaModule } from "../../scripts/prune-schema-module.js";
import { PRUNED_SCHEMA_HEADER, pruneSchema } from "../../scripts/schema-pruning.js";
import { OPENCTI_DOCUMENTS } from "../../src/api/documents/index.js";
import { OPENCTI_CONNECTOR_SCHEMA_SDL } from "../../src/api/schema/opencti-connector-schema.js";

const packageFile = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const referenceDir = packageFile("../../../shared/opencti");
const referencePath = `${referenceDir}/relay.schema.graphql`;
const hasReference = existsSync(referencePath);
const documents = Object.entries(OPENCTI_DOCUMENTS);

function errorsOf(schema: GraphQLSchema, document: string): string[] {
  return validate(schema, parse(document)).map((e) => e.message);
}

describe("GraphQL documents contract", () => {
  it("names each document after its key, with one operation per document", () => {
    for (const [name, document] of documents) {
      const operations = parse(document).definitions.filter(
        (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
      );
      expect(operations.map((o) => o.name?.value)).toEqual([name]);
    }
  });

  describe("against the pruned connector schema shipped in the package", () => {
    const schema = buildSchema(OPENCTI_CONNECTOR_SCHEMA_SDL);
    it.each(documents)("%s validates", (_name, document) => {
      expect(errorsOf(schema, document)).toEqual([]);
    });

    it("schema/opencti-connector.graphql holds the same SDL, with the licence notice and the upstream LICENSE", () => {
      const file = readFileSync(packageFile("schema/opencti-connector.graphql"), "utf8");
      expect(file).toBe(`${PRUNED_SCHEMA_HEADER}\n${OPENCTI_CONNECTOR_SCHEMA_SDL}`);
      expect(readFileSync(packageFile("schema/LICENSE"), "utf8")).toContain("Apache License");
      expect(readFileSync(packageFile("schema/NOTICE"), "utf8")).toContain("Copyright (c) 2021-2025 Filigran SAS");
    });
  });

  describe.runIf(hasReference)("against the full reference schema (shared/opencti)", () => {
    const full = hasReference ? readFileSync(referencePath, "utf8") : "";
    const schema = hasReference ? buildSchema(full) : undefined;
    it.each(documents)("%s validates", (_name, document) => {
      expect(errorsOf(schema as GraphQLSchema, document)).toEqual([]);
    });

    it("the pruned schema is up to date (run pnpm schema:prune)", () => {
      const sdl = pruneSchema(full);
      expect(`${sdl}\n`).toBe(OPENCTI_CONNECTOR_SCHEMA_SDL);
      expect(renderSchemaModule(sdl)).toBe(
        readFileSync(packageFile("src/api/schema/opencti-connector-schema.ts"), "utf8"),
      );
      expect(readFileSync(packageFile("schema/LICENSE"), "utf8")).toBe(readFileSync(`${referenceDir}/LICENSE`, "utf8"));
    });
  });
});
