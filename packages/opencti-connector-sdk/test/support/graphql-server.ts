/**
 * A local OpenCTI GraphQL endpoint for tests: it executes the real (pruned) platform schema, so a document that
 * does not validate is rejected exactly as the platform would and recorded as a test failure.
 *
 * @example
 * ```ts
 * const server = await startGraphQLServer({
 *   resolvers: { Query: { about: () => ({ version: "6.9.17" }) } },
 * });
 * const api = createOpenCtiClient({ url: server.url, token: server.token, clock });
 * await api.about();
 * expect(server.callsOf("healthCheck")).toHaveLength(1);
 * await server.close(); // rejects if an invalid document or an unhandled field was seen
 * ```
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  buildSchema,
  defaultFieldResolver,
  execute,
  GraphQLError,
  type GraphQLFieldResolver,
  type GraphQLSchema,
  parse,
  validate,
} from "graphql";
import { OPENCTI_CONNECTOR_SCHEMA_SDL } from "../../src/api/schema/opencti-connector-schema.js";

/** A root field resolver: receives the field's arguments and the recorded call. */
export type RootResolver = (args: Record<string, unknown>, call: RecordedCall) => unknown;

/** Resolvers of root fields, by root type; nested fields resolve from the returned plain objects. */
export interface RootResolvers {
  Query?: Record<string, RootResolver>;
  Mutation?: Record<string, RootResolver>;
}

/** One request received. */
export interface RecordedCall {
  operationName: string | undefined;
  query: string;
  variables: Record<string, unknown>;
  headers: IncomingHttpHeaders;
  /** Files of a multipart request, by variable path (e.g. `variables.file`). */
  files: Record<string, File>;
  /** The injected failure this call received, if any. */
  failure?: InjectedFailure;
}

/**
 * A failure to answer with instead of executing: an HTTP status (with optional body and headers, e.g.
 * `{ status: 429, headers: { "retry-after": "3" } }`), a dropped connection (`{ drop: true }`) or no answer at all
 * until the server closes (`{ hang: true }`).
 */
export type InjectedFailure =
  | { status: number; body?: string; headers?: Record<string, string> }
  | { drop: true }
  | { hang: true };

/** Options of {@link startGraphQLServer}. */
export interface GraphQLServerOptions {
  /** The accepted bearer token; default `test-token`. */
  token?: string;
  resolvers?: RootResolvers;
  /** SDL to execute; default the SDK's pruned connector schema. */
  schemaSdl?: string;
  /**
   * How a missing or wrong token is answered: `graphql` (HTTP 200 with an `AUTH_REQUIRED` error, as the platform
   * does; default) or `http` (HTTP 401).
   */
  authFailure?: "graphql" | "http";
  /** Do not count invalid documents as problems (for tests that send them on purpose). */
  allowInvalidDocuments?: boolean;
}

/** A running test server. */
export interface GraphQLServer {
  /** Base URL (`http://127.0.0.1:<port>`); the endpoint is `<url>/graphql`. */
  readonly url: string;
  readonly token: string;
  /** Every request, in arrival order. */
  readonly calls: RecordedCall[];
  /** Invalid documents and unhandled fields seen so far. */
  readonly problems: string[];
  callsOf(operationName: string): RecordedCall[];
  /** Adds or replaces root resolvers. */
  setResolvers(resolvers: RootResolvers): void;
  /** Answers the next `times` requests (of `operation` only, if given) with `failure`. */
  failNext(failure: InjectedFailure, options?: { times?: number; operation?: string }): void;
  /** Resolves once at least `count` requests were received. */
  waitForCalls(count: number): Promise<void>;
  /** Stops the server; rejects when `problems` is not empty, so `afterEach(() => server.close())` fails the test. */
  close(): Promise<void>;
}

/** A GraphQL error with the platform's `extensions.code`, for resolvers to throw. */
export function platformError(code: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}

interface ParsedBody {
  query: string;
  variables: Record<string, unknown>;
  operationName: string | undefined;
  files: Record<string, File>;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Reads a JSON body or a GraphQL multipart request (`operations`, `map`, file parts). */
async function parseBody(request: IncomingMessage, raw: Buffer): Promise<ParsedBody> {
  const type = request.headers["content-type"] ?? "";
  if (type.startsWith("multipart/form-data")) {
    const form = await new Request("http://local/", {
      method: "POST",
      headers: { "content-type": type },
      body: raw,
    }).formData();
    const operations = JSON.parse(String(form.get("operations"))) as ParsedBody;
    const map = JSON.parse(String(form.get("map"))) as Record<string, string[]>;
    const files: Record<string, File> = {};
    for (const [part, paths] of Object.entries(map)) {
      const file = form.get(part);
      for (const path of paths) {
        if (file instanceof File) files[path] = file;
        const key = path.replace(/^variables\./, "");
        operations.variables[key] = file;
      }
    }
    return {
      query: operations.query,
      variables: operations.variables ?? {},
      operationName: operations.operationName,
      files,
    };
  }
  const body = JSON.parse(raw.toString("utf8")) as Partial<ParsedBody>;
  return { query: body.query ?? "", variables: body.variables ?? {}, operationName: body.operationName, files: {} };
}

function operationNameOf(query: string): string | undefined {
  return /^\s*(?:query|mutation)\s+(\w+)/.exec(query)?.[1];
}

/** Starts a test server on `127.0.0.1`, port 0. */
export async function startGraphQLServer(options: GraphQLServerOptions = {}): Promise<GraphQLServer> {
  const token = options.token ?? "test-token";
  const schema: GraphQLSchema = buildSchema(options.schemaSdl ?? OPENCTI_CONNECTOR_SCHEMA_SDL);
  const resolvers: Required<RootResolvers> = {
    Query: { ...options.resolvers?.Query },
    Mutation: { ...options.resolvers?.Mutation },
  };
  const calls: RecordedCall[] = [];
  const problems: string[] = [];
  const failures: { failure: InjectedFailure; remaining: number; operation?: string | undefined }[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];

  const record = (call: RecordedCall) => {
    calls.push(call);
    for (const waiter of waiters.filter((w) => calls.length >= w.count)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  };
  const json = (response: ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  };

  const fieldResolver: GraphQLFieldResolver<unknown, { call: RecordedCall }> = (source, args, context, info) => {
    const root = info.parentType.name === "Query" || info.parentType.name === "Mutation";
    if (!root) return defaultFieldResolver(source, args, context, info);
    const resolver = resolvers[info.parentType.name as "Query" | "Mutation"][info.fieldName];
    if (!resolver) {
      problems.push(`No resolver for ${info.parentType.name}.${info.fieldName}`);
      throw new Error(`No resolver for ${info.parentType.name}.${info.fieldName}`);
    }
    return resolver(args, context.call);
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const raw = await readBody(request);
    const body = await parseBody(request, raw);
    const operationName = body.operationName ?? operationNameOf(body.query);
    const call: RecordedCall = {
      operationName,
      query: body.query,
      variables: body.variables,
      headers: request.headers,
      files: body.files,
    };
    const index = failures.findIndex((f) => f.operation === undefined || f.operation === operationName);
    const injected = index < 0 ? undefined : failures[index];
    if (injected) {
      injected.remaining -= 1;
      if (injected.remaining <= 0) failures.splice(index, 1);
      call.failure = injected.failure;
      record(call);
      if ("drop" in injected.failure) request.socket.destroy();
      else if ("status" in injected.failure) {
        response.writeHead(injected.failure.status, {
          "content-type": "application/json",
          ...injected.failure.headers,
        });
        response.end(injected.failure.body ?? JSON.stringify({ message: `Injected HTTP ${injected.failure.status}` }));
      }
      return;
    }
    record(call);
    if (request.headers.authorization !== `Bearer ${token}`) {
      if (options.authFailure === "http") json(response, 401, { message: "Unauthorized" });
      else
        json(response, 200, {
          errors: [{ message: "You must be logged in to do this.", extensions: { code: "AUTH_REQUIRED" } }],
          data: null,
        });
      return;
    }
    let document: ReturnType<typeof parse>;
    try {
      document = parse(body.query);
    } catch (error) {
      if (!options.allowInvalidDocuments) problems.push(`${operationName ?? "?"}: ${(error as Error).message}`);
      json(response, 400, {
        errors: [{ message: (error as Error).message, extensions: { code: "GRAPHQL_PARSE_FAILED" } }],
      });
      return;
    }
    const errors = validate(schema, document);
    if (errors.length > 0) {
      if (!options.allowInvalidDocuments) problems.push(...errors.map((e) => `${operationName ?? "?"}: ${e.message}`));
      json(response, 400, {
        errors: errors.map((e) => ({ message: e.message, extensions: { code: "GRAPHQL_VALIDATION_FAILED" } })),
      });
      return;
    }
    const result = await execute({
      schema,
      document,
      variableValues: body.variables,
      contextValue: { call },
      fieldResolver,
      operationName,
    });
    json(response, 200, result);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      problems.push(`Test server failure: ${(error as Error).message}`);
      if (!response.headersSent) json(response, 500, { message: "test server failure" });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    token,
    calls,
    problems,
    callsOf: (operationName) => calls.filter((c) => c.operationName === operationName),
    setResolvers: (more) => {
      Object.assign(resolvers.Query, more.Query);
      Object.assign(resolvers.Mutation, more.Mutation);
    },
    failNext: (failure, failOptions = {}) => {
      failures.push({ failure, remaining: failOptions.times ?? 1, operation: failOptions.operation });
    },
    waitForCalls: (count) =>
      calls.length >= count ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ count, resolve })),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (problems.length > 0) throw new Error(`GraphQL test server saw problems:\n${problems.join("\n")}`);
    },
  };
}
