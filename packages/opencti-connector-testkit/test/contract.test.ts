import { readFileSync } from "node:fs";
import { OPENCTI_DOCUMENTS } from "@org/opencti-connector-sdk";
import { buildSchema, Kind, type OperationDefinitionNode, parse, validate } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createResolvers } from "../src/graphql/resolvers.js";
import { type Platform, startPlatform } from "../src/index.js";
import type { PlatformEngine } from "../src/platform/platform-engine.js";
import { post } from "./support/graphql.js";
import { fullSchemaPath } from "./support/schema.js";

const FULL_SCHEMA = fullSchemaPath();
if (!FULL_SCHEMA) console.warn("shared/opencti/relay.schema.graphql not found: contract test skipped");

/** The root fields the emulator implements (the resolvers' keys; building them needs no engine). */
const settings = {
  version: "6.9.17",
  user: { id: "u", name: "admin" },
  connection: {} as never,
  queuePrefix: undefined,
  activeWindowMs: 1,
  now: () => 0,
};
const implemented = createResolvers({} as PlatformEngine, settings);

/** Operator actions the emulator serves that no connector sends (so the SDK has no document for them). */
const OPERATOR_DOCUMENTS = {
  resetStateConnector: `mutation ResetState($id: ID!) { resetStateConnector(id: $id) { id connector_state connector_state_reset } }`,
};

/** SDK documents the emulator answers with UNSUPPORTED_ERROR (files, drafts, playbooks, streams: see the README). */
const NOT_EMULATED = ["UploadPending", "draftWorkspaceAdd", "PlaybookStepExecution", "StreamCollection"];

function rootFields(document: string): string[] {
  return parse(document)
    .definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .flatMap((op) => op.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : [])));
}

describe.runIf(FULL_SCHEMA)("contract with the platform's full schema (relay.schema.graphql, 6.9.17)", () => {
  const schema = buildSchema(readFileSync(FULL_SCHEMA ?? "", "utf8"));
  const documents: Record<string, string> = { ...OPENCTI_DOCUMENTS, ...OPERATOR_DOCUMENTS };

  it("every implemented root field exists on the platform's Query or Mutation", () => {
    for (const field of Object.keys(implemented.Query))
      expect(schema.getQueryType()?.getFields()[field], field).toBeDefined();
    for (const field of Object.keys(implemented.Mutation)) {
      expect(schema.getMutationType()?.getFields()[field], field).toBeDefined();
    }
  });

  it("every implemented root field is reached by a document that validates against the full schema", () => {
    const reached = new Set(Object.values(documents).flatMap(rootFields));
    for (const field of [...Object.keys(implemented.Query), ...Object.keys(implemented.Mutation)]) {
      expect(reached.has(field), `no document selects ${field}`).toBe(true);
    }
    for (const [name, document] of Object.entries(documents)) {
      expect(
        validate(schema, parse(document)).map((e) => e.message),
        name,
      ).toEqual([]);
    }
  });

  describe("an emulator executing the full schema", () => {
    let platform: Platform;
    beforeAll(async () => {
      platform = await startPlatform({ schemaPath: FULL_SCHEMA ?? "" });
    });
    afterAll(() => platform.stop());

    it("accepts every SDK document: none fails to parse or validate", async () => {
      for (const [name, document] of Object.entries(OPENCTI_DOCUMENTS)) {
        // No variables: validation comes first, so a missing variable can only add BAD_USER_INPUT.
        const answer = await post(platform, { query: document });
        const codes: string[] = (answer.body.errors ?? []).map(
          (e: { extensions: { code: string } }) => e.extensions.code,
        );
        expect(codes, name).not.toContain("GRAPHQL_VALIDATION_FAILED");
        expect(codes, name).not.toContain("GRAPHQL_PARSE_FAILED");
      }
    });

    it("implements the root field of every SDK document except those it documents as not emulated", () => {
      const fields = new Set([...Object.keys(implemented.Query), ...Object.keys(implemented.Mutation)]);
      const missing = Object.entries(OPENCTI_DOCUMENTS)
        .filter(([, document]) => rootFields(document).some((field) => !fields.has(field)))
        .map(([name]) => name)
        .sort();
      expect(missing).toEqual([...NOT_EMULATED].sort());
    });
  });
});
