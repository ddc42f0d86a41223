import {
  buildSchema,
  type GraphQLField,
  type GraphQLFieldConfigArgumentMap,
  GraphQLInputObjectType,
  type GraphQLInputType,
  GraphQLList,
  type GraphQLNamedType,
  GraphQLNonNull,
  GraphQLObjectType,
  type GraphQLOutputType,
  GraphQLSchema,
  type GraphQLType,
  getNamedType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  lexicographicSortSchema,
  printSchema,
  specifiedDirectives,
} from "graphql";

/** The root fields a connector uses (spec §3.3). */
export const CONNECTOR_ROOT_FIELDS = {
  Query: ["about", "connector", "work", "isWorkAlive", "streamCollection"],
  Mutation: [
    "registerConnector",
    "pingConnector",
    "workAdd",
    "workEdit",
    "stixBundlePush",
    "uploadPending",
    "draftWorkspaceAdd",
    "playbookStepExecution",
    "deleteConnector",
  ],
} as const;

/**
 * Object-typed fields kept per type; every other object type keeps only its scalar and enum fields. This keeps what
 * connectors (and an emulator answering them) need and drops the platform's large graphs (users, files' metadata,
 * drafts' contents, interfaces).
 */
export const KEPT_OBJECT_FIELDS: Readonly<Record<string, readonly string[]>> = {
  Connector: ["config", "connector_queue_details", "connector_info"],
  ConnectorConfig: ["connection", "s3"],
  Work: ["user", "connector", "tracking", "messages", "errors"],
};

/**
 * Reduces the platform's schema to the connector-facing part: the root fields of {@link CONNECTOR_ROOT_FIELDS},
 * every type they reach through scalar and enum fields, the object fields of {@link KEPT_OBJECT_FIELDS} and the
 * arguments' input types (complete); no interfaces, no custom directives. Returns the printed SDL, sorted.
 */
export function pruneSchema(fullSdl: string): string {
  const full = buildSchema(fullSdl);
  const cache = new Map<string, GraphQLNamedType>();

  const named = (type: GraphQLNamedType): GraphQLNamedType => {
    const known = cache.get(type.name);
    if (known) return known;
    if (isLeafType(type)) {
      cache.set(type.name, type);
      return type;
    }
    if (isInputObjectType(type)) {
      const config = type.toConfig();
      const copy = new GraphQLInputObjectType({
        ...config,
        astNode: undefined,
        fields: () =>
          Object.fromEntries(
            Object.entries(config.fields).map(([name, field]) => [
              name,
              { ...field, astNode: undefined, type: wrap(field.type) as GraphQLInputType },
            ]),
          ),
      });
      cache.set(type.name, copy);
      return copy;
    }
    if (!isObjectType(type)) throw new Error(`Unexpected abstract type ${type.name} in the connector schema`);
    const kept = KEPT_OBJECT_FIELDS[type.name] ?? [];
    const copy = new GraphQLObjectType({
      name: type.name,
      description: type.description,
      fields: () =>
        fieldsOf(
          Object.values(type.getFields()).filter((f) => isLeafType(getNamedType(f.type)) || kept.includes(f.name)),
        ),
    });
    cache.set(type.name, copy);
    return copy;
  };

  const wrap = (type: GraphQLType): GraphQLType => {
    if (isNonNullType(type)) return new GraphQLNonNull(wrap(type.ofType) as GraphQLInputType & GraphQLOutputType);
    if (isListType(type)) return new GraphQLList(wrap(type.ofType));
    return named(type as GraphQLNamedType);
  };

  const fieldsOf = (fields: readonly GraphQLField<unknown, unknown>[]) =>
    Object.fromEntries(
      fields.map((field) => {
        const args: GraphQLFieldConfigArgumentMap = Object.fromEntries(
          field.args.map((arg) => [
            arg.name,
            {
              type: wrap(arg.type) as GraphQLInputType,
              description: arg.description,
              defaultValue: arg.defaultValue,
              deprecationReason: arg.deprecationReason,
            },
          ]),
        );
        return [
          field.name,
          {
            type: wrap(field.type) as GraphQLOutputType,
            description: field.description,
            deprecationReason: field.deprecationReason,
            args,
          },
        ];
      }),
    );

  const root = (name: "Query" | "Mutation") => {
    const type = name === "Query" ? full.getQueryType() : full.getMutationType();
    if (!type) throw new Error(`The schema has no ${name} type`);
    const fields = CONNECTOR_ROOT_FIELDS[name].map((fieldName) => {
      const field = type.getFields()[fieldName];
      if (!field) throw new Error(`The schema has no ${name}.${fieldName}`);
      return field;
    });
    return new GraphQLObjectType({ name, fields: () => fieldsOf(fields) });
  };

  const pruned = new GraphQLSchema({
    query: root("Query"),
    mutation: root("Mutation"),
    directives: specifiedDirectives,
  });
  return printSchema(lexicographicSortSchema(pruned));
}

/** Comment header of the pruned schema file: provenance and licence (Apache-2.0, OpenCTI Community Edition). */
export const PRUNED_SCHEMA_HEADER = `# OpenCTI GraphQL schema, connector-facing subset.
#
# Generated by \`pnpm schema:prune\` (scripts/prune-schema.ts) from shared/opencti/relay.schema.graphql, the
# platform's printed schema at OpenCTI-Platform/opencti d42f66c060170c14fcb8b45e723054730944524a (6.9.17):
# the root fields a connector uses and the types they reach, large object types reduced to their scalar fields.
#
# Copyright (c) 2021-2025 Filigran SAS. OpenCTI Community Edition, licensed under the Apache License, Version 2.0
# (http://www.apache.org/licenses/LICENSE-2.0); see schema/NOTICE. Modified: types and fields removed.
`;
