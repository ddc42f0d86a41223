import { buildSchema, GraphQLError, type GraphQLObjectType, type GraphQLSchema, Kind, type ValueNode } from "graphql";
import { authRequired, unsupportedError } from "./platform-errors.js";

/** Who is calling: the token's user, or nobody when the token is missing or wrong. */
export interface RequestContext {
  readonly authenticated: boolean;
  readonly user: { readonly id: string; readonly name: string };
}

/** A root field's implementation: receives the coerced arguments and the request context. */
export type RootResolver = (args: Record<string, unknown>, context: RequestContext) => unknown;

/** Root field implementations by operation type. */
export interface RootResolvers {
  Query: Record<string, RootResolver>;
  Mutation: Record<string, RootResolver>;
}

/**
 * Builds the platform schema from SDL and wires the emulator into it: every root field checks the token first
 * (`AUTH_REQUIRED`, as the platform's `@auth`), implemented fields call their resolver, the others answer
 * `UNSUPPORTED_ERROR`. `DateTime` values are checked like the platform's scalar. Nested objects are resolved by
 * graphql-js's default resolver (plain values or functions of the returned objects).
 */
export function buildExecutableSchema(sdl: string, resolvers: RootResolvers): GraphQLSchema {
  const schema = buildSchema(sdl);
  for (const [operation, type] of [
    ["Query", schema.getQueryType()],
    ["Mutation", schema.getMutationType()],
  ] as const) {
    if (!type) continue;
    wire(type, resolvers[operation]);
  }
  checkDateTime(schema);
  return schema;
}

function wire(type: GraphQLObjectType, implementations: Record<string, RootResolver>): void {
  for (const field of Object.values(type.getFields())) {
    const implementation = implementations[field.name];
    field.resolve = (_source, args: Record<string, unknown>, context: RequestContext) => {
      if (!context.authenticated) throw authRequired();
      if (!implementation) throw unsupportedError(`${field.name} is not implemented by the OpenCTI testkit emulator`);
      return implementation(args, context);
    };
  }
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

function parseDateTime(value: unknown): string {
  if (typeof value !== "string" || !ISO_DATE_TIME.test(value) || Number.isNaN(Date.parse(value))) {
    throw new GraphQLError(`DateTime cannot represent an invalid date-time-string ${JSON.stringify(value)}.`);
  }
  return value;
}

function checkDateTime(schema: GraphQLSchema): void {
  const scalar = schema.getType("DateTime");
  if (!scalar || !("parseLiteral" in scalar)) return;
  scalar.parseValue = parseDateTime;
  scalar.parseLiteral = (node: ValueNode) => {
    if (node.kind !== Kind.STRING) throw new GraphQLError("DateTime cannot represent a non string value.");
    return parseDateTime(node.value);
  };
}
