import { describe, expect, it } from "vitest";
import { buildExecutableSchema, type RequestContext } from "./executable-schema.js";
import { handleGraphqlRequest } from "./handle-graphql-request.js";
import { functionalError } from "./platform-errors.js";

const SDL = `
scalar DateTime
type AppInfo { version: String! }
type Query { about: AppInfo, echo(at: DateTime!): String, later: String }
type Mutation { ping(id: ID!): String, crash: String }
`;

const schema = buildExecutableSchema(SDL, {
  Query: { about: () => ({ version: "6.9.17" }), echo: ({ at }) => `at ${String(at)}` },
  Mutation: {
    ping: ({ id }) => {
      throw functionalError("No connector found with the specified ID", { id });
    },
    crash: () => {
      throw new TypeError("x is undefined");
    },
  },
});
const USER = { id: "u1", name: "admin" };
const authenticated: RequestContext = { authenticated: true, user: USER };
const anonymous: RequestContext = { authenticated: false, user: USER };
const ask = (body: unknown, context = authenticated) =>
  handleGraphqlRequest(schema, typeof body === "string" ? body : JSON.stringify(body), context);

describe("handleGraphqlRequest", () => {
  it("executes a valid operation and records its name, fields and variables", async () => {
    const answer = await ask({ query: "query healthCheck { about { version } }", operationName: "healthCheck" });
    expect(answer).toEqual({
      status: 200,
      body: { data: { about: { version: "6.9.17" } } },
      operationName: "healthCheck",
      fields: ["about"],
      variables: {},
    });
  });

  it("answers a wrong or missing token with AUTH_REQUIRED on each field, HTTP 200", async () => {
    const answer = await ask({ query: "{ about { version } }" }, anonymous);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      data: { about: null },
      errors: [
        {
          message: "You must be logged in to do this.",
          locations: [{ line: 1, column: 3 }],
          path: ["about"],
          extensions: { code: "AUTH_REQUIRED", data: { http_status: 401, genre: "TECHNICAL" } },
          name: "AUTH_REQUIRED",
        },
      ],
    });
  });

  it("answers a syntax error with 400 GRAPHQL_PARSE_FAILED", async () => {
    const answer = await ask({ query: "mutation { pingConnector(...) }" });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      {
        message: 'Syntax Error: Expected Name, found "...".',
        locations: [{ line: 1, column: 26 }],
        extensions: { code: "GRAPHQL_PARSE_FAILED" },
        name: "GRAPHQL_PARSE_FAILED",
      },
    ]);
  });

  it("answers a document the schema rejects with 400 GRAPHQL_VALIDATION_FAILED, every error listed", async () => {
    const answer = await ask({ query: "{ about { version nope } missing }" });
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.map((e) => [e.extensions.code, e.message])).toEqual([
      ["GRAPHQL_VALIDATION_FAILED", 'Cannot query field "nope" on type "AppInfo".'],
      ["GRAPHQL_VALIDATION_FAILED", 'Cannot query field "missing" on type "Query".'],
    ]);
  });

  it("answers variables that do not coerce with 400 BAD_USER_INPUT", async () => {
    const answer = await ask({ query: "query Q($at: DateTime!) { echo(at: $at) }", variables: { at: "yesterday" } });
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]).toMatchObject({
      extensions: { code: "BAD_USER_INPUT" },
      message: expect.stringContaining('DateTime cannot represent an invalid date-time-string "yesterday"'),
    });
    const ok = await ask({
      query: "query Q($at: DateTime!) { echo(at: $at) }",
      variables: { at: "2026-01-01T00:00:00Z" },
    });
    expect(ok.body).toEqual({ data: { echo: "at 2026-01-01T00:00:00Z" } });
  });

  it("answers malformed JSON and bodies without a query with 400 BAD_REQUEST", async () => {
    const bad = await ask("{nope");
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.[0]?.extensions.code).toBe("BAD_REQUEST");
    expect(bad.body.errors?.[0]?.message).toMatch(/^Invalid JSON body: /);
    const empty = await ask({ variables: {} });
    expect(empty.status).toBe(400);
    expect(empty.body.errors?.[0]?.extensions.code).toBe("BAD_REQUEST");
  });

  it("needs an operation name when the document has several operations", async () => {
    const answer = await ask({ query: "query A { about { version } } query B { about { version } }" });
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]).toMatchObject({
      extensions: { code: "OPERATION_RESOLUTION_FAILURE" },
      message: "Must provide operation name if query contains multiple operations.",
    });
  });

  it("passes platform errors through with their code and data", async () => {
    const answer = await ask({ query: 'mutation { ping(id: "c1") }' });
    expect(answer.status).toBe(200);
    expect(answer.body.errors?.[0]).toMatchObject({
      message: "No connector found with the specified ID",
      extensions: { code: "FUNCTIONAL_ERROR", data: { http_status: 400, genre: "BUSINESS", id: "c1" } },
      name: "FUNCTIONAL_ERROR",
    });
  });

  it("answers fields the emulator does not implement with UNSUPPORTED_ERROR", async () => {
    const answer = await ask({ query: "{ later }" });
    expect(answer.body.errors?.[0]).toMatchObject({
      message: "later is not implemented by the OpenCTI testkit emulator",
      extensions: { code: "UNSUPPORTED_ERROR" },
    });
  });

  it("turns an unexpected resolver failure into INTERNAL_SERVER_ERROR", async () => {
    const answer = await ask({ query: "mutation { crash }" });
    expect(answer.body.errors?.[0]).toMatchObject({
      message: "x is undefined",
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    });
  });
});
