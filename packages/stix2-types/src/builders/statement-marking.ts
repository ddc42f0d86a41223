import type { MarkingDefinition } from "../schemas/meta.js";
import type { BuildContext } from "./build-context.js";
import { buildObject } from "./build-object.js";

/** Options of a statement marking. */
export interface StatementMarkingOptions {
  /** Creation time (STIX timestamp); defaults to now. */
  created?: string;
  /** Author of the marking definition (an identity id). */
  created_by_ref?: string;
}

/** Builds statement markings (`definition_type: "statement"`), identified as the platform does (§9.5). */
export function statementMarkingBuilder(ctx: BuildContext) {
  /**
   * A statement marking such as `Copyright 2024 ACME`, with the platform's deterministic id (from
   * `{definition_type: "STATEMENT", definition: <upper-cased statement>}`) and the `x_opencti_definition*`
   * properties the platform stores.
   */
  return (statement: string, options: StatementMarkingOptions = {}): MarkingDefinition => {
    const text = typeof statement === "string" ? statement.trim() : statement;
    return buildObject(
      { type: "marking-definition", kind: "marking" },
      {
        ...options,
        name: text,
        definition_type: "statement",
        definition: { statement: text },
        x_opencti_definition_type: "statement",
        x_opencti_definition: text,
      },
      ctx,
    );
  };
}
