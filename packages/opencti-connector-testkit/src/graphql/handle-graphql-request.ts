import {
  type DocumentNode,
  execute,
  type GraphQLError,
  type GraphQLSchema,
  getOperationAST,
  Kind,
  type OperationDefinitionNode,
  parse,
  validate,
} from "graphql";
import { z } from "zod";
import type { RequestContext } from "./executable-schema.js";

/** One error of a GraphQL answer, shaped like the platform's (`extensions.code` copied to `name`). */
export interface WireError {
  message: string;
  locations?: readonly { line: number; column: number }[];
  path?: readonly (string | number)[];
  extensions: { code: string; [key: string]: unknown };
  name: string;
}

/** A GraphQL HTTP answer. */
export interface GraphqlAnswer {
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: WireError[] };
  /** What the call log records. */
  operationName: string | null;
  fields: string[];
  variables: Record<string, unknown>;
}

const requestSchema = z.object({
  query: z.string().min(1, "GraphQL operations must contain a non-empty `query`."),
  variables: z.record(z.string(), z.unknown()).nullable().optional(),
  operationName: z.string().nullable().optional(),
});

/**
 * Answers one `POST /graphql` body as the platform (Apollo Server) does: malformed JSON or request shape → 400
 * `BAD_REQUEST`; a syntax error → 400 `GRAPHQL_PARSE_FAILED`; a document the schema rejects → 400
 * `GRAPHQL_VALIDATION_FAILED`; variables that do not coerce → 400 `BAD_USER_INPUT`; otherwise 200 with `data`
 * and the resolvers' errors.
 */
export async function handleGraphqlRequest(
  schema: GraphQLSchema,
  rawBody: string,
  context: RequestContext,
): Promise<GraphqlAnswer> {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch (error) {
    return failure(400, [wire("BAD_REQUEST", `Invalid JSON body: ${(error as Error).message}`)]);
  }
  const request = requestSchema.safeParse(json);
  if (!request.success) {
    return failure(400, [wire("BAD_REQUEST", request.error.issues.map((i) => i.message).join("; "))]);
  }
  const { query, operationName = null } = request.data;
  const variables = request.data.variables ?? {};
  const logged: { operationName: string | null; variables: Record<string, unknown> } = { operationName, variables };

  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (error) {
    return { ...failure(400, [fromGraphqlError(error as GraphQLError, "GRAPHQL_PARSE_FAILED")]), ...logged };
  }
  const validationErrors = validate(schema, document);
  if (validationErrors.length > 0) {
    const errors = validationErrors.map((e) => fromGraphqlError(e, "GRAPHQL_VALIDATION_FAILED"));
    return { ...failure(400, errors), ...logged };
  }
  const operation = getOperationAST(document, operationName);
  if (!operation) {
    const message = operationName
      ? `Unknown operation named "${operationName}".`
      : "Must provide operation name if query contains multiple operations.";
    return { ...failure(400, [wire("OPERATION_RESOLUTION_FAILURE", message)]), ...logged };
  }
  const fields = rootFields(operation);
  // Clients rarely send `operationName`; the document names its operation.
  logged.operationName = operation.name?.value ?? operationName;
  if (operation.operation === "subscription") {
    const message = "Subscriptions are not served over HTTP POST by the testkit emulator.";
    return { ...failure(400, [wire("BAD_REQUEST", message)]), ...logged, fields };
  }
  const result = await execute({ schema, document, variableValues: variables, operationName, contextValue: context });
  if (!("data" in result) || result.data === undefined) {
    // Variables failed to coerce: nothing was executed.
    const errors = (result.errors ?? []).map((e) => fromGraphqlError(e, "BAD_USER_INPUT"));
    return { ...failure(400, errors), ...logged, fields };
  }
  const errors = result.errors?.map((e) => fromGraphqlError(e, "INTERNAL_SERVER_ERROR"));
  return {
    status: 200,
    body: errors && errors.length > 0 ? { errors, data: result.data } : { data: result.data },
    ...logged,
    fields,
  };
}

function rootFields(operation: OperationDefinitionNode): string[] {
  return operation.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : []));
}

function failure(status: number, errors: WireError[]): GraphqlAnswer {
  return { status, body: { errors }, operationName: null, fields: [], variables: {} };
}

function wire(code: string, message: string): WireError {
  return { message, extensions: { code }, name: code };
}

function fromGraphqlError(error: GraphQLError, defaultCode: string): WireError {
  const extensions = error.extensions ?? {};
  const code = typeof extensions.code === "string" ? extensions.code : defaultCode;
  const formatted: WireError = { message: error.message, extensions: { ...extensions, code }, name: code };
  if (error.locations) formatted.locations = error.locations;
  if (error.path) formatted.path = error.path;
  return formatted;
}
