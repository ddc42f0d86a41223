import { describe, expect, it } from "vitest";
import { startPlatform } from "../src/index.js";
import { post } from "./support/graphql.js";
import { registerInput, usePlatform } from "./support/platform-fixture.js";

const CONNECTOR_ID = "0b4ff2d4-6bd7-4a8e-a0a7-8c3f44d8c2f1";
const REGISTER = `mutation RegisterConnector($input: RegisterConnectorInput) {
  registerConnector(input: $input) {
    id connector_state
    config { connection { host vhost use_ssl port user pass } listen listen_routing listen_exchange push push_routing push_exchange }
    connector_user_id
  }
}`;
const PING = `mutation PingConnector($id: ID!, $state: String, $connectorInfo: ConnectorInfoInput) {
  pingConnector(id: $id, state: $state, connectorInfo: $connectorInfo) {
    id connector_state
    connector_info { run_and_terminate buffering queue_threshold queue_messages_size next_run_datetime last_run_datetime }
  }
}`;
const INPUT = registerInput(CONNECTOR_ID, "HTTP test connector", ["identity", "malware"]);
const INFO = {
  run_and_terminate: false,
  buffering: false,
  queue_threshold: 500,
  queue_messages_size: 0,
  next_run_datetime: null,
  last_run_datetime: null,
};

const fixture = usePlatform({ token: "test-token", version: "6.9.17" });

describe("GraphQL transport of the emulator", () => {
  it("answers the health check with the fixture.platform version", async () => {
    const answer = await post(fixture.platform, { query: "query healthCheck { about { version } }" });
    expect(answer).toEqual({ status: 200, body: { data: { about: { version: "6.9.17" } } } });
  });

  it("answers a wrong token and a missing token with AUTH_REQUIRED, then keeps serving", async () => {
    for (const token of ["wrong", null]) {
      const answer = await post(fixture.platform, { query: "query healthCheck { about { version } }" }, token);
      expect(answer.status).toBe(200);
      expect(answer.body.data).toEqual({ about: null });
      expect(answer.body.errors[0]).toMatchObject({
        message: "You must be logged in to do this.",
        extensions: { code: "AUTH_REQUIRED", data: { http_status: 401, genre: "TECHNICAL" } },
        name: "AUTH_REQUIRED",
      });
    }
    expect((await post(fixture.platform, { query: "{ about { version } }" })).status).toBe(200);
  });

  it("answers malformed GraphQL with 400 GRAPHQL_PARSE_FAILED", async () => {
    const answer = await post(fixture.platform, { query: "mutation { stixBundlePush(...) }" });
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0]).toMatchObject({
      message: 'Syntax Error: Expected Name, found "...".',
      extensions: { code: "GRAPHQL_PARSE_FAILED" },
    });
  });

  it("answers a document the fixture.platform schema rejects with 400 GRAPHQL_VALIDATION_FAILED", async () => {
    const newerWorkAdd = `mutation workAdd($connectorId: String!, $friendlyName: String, $isMultiPartWork: Boolean) {
      workAdd(connectorId: $connectorId, friendlyName: $friendlyName, isMultiPartWork: $isMultiPartWork) { id }
    }`;
    const answer = await post(fixture.platform, { query: newerWorkAdd, variables: { connectorId: CONNECTOR_ID } });
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0]).toMatchObject({
      message: 'Unknown argument "isMultiPartWork" on field "Mutation.workAdd".',
      extensions: { code: "GRAPHQL_VALIDATION_FAILED" },
    });
  });

  it("answers a malformed JSON body with 400", async () => {
    const answer = await post(fixture.platform, '{"query": ');
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].extensions.code).toBe("BAD_REQUEST");
  });

  it("answers 413 above the payload limit, 405 for GET /graphql and 404 elsewhere", async () => {
    const small = await startPlatform({ maxPayloadBytes: 100 });
    try {
      const answer = await post(small, { query: `{ about { version } } # ${"x".repeat(200)}` });
      expect(answer).toEqual({ status: 413, body: "request entity too large" });
      expect((await fetch(`${small.url}/graphql`)).status).toBe(405);
      expect((await fetch(`${small.url}/nope`)).status).toBe(404);
      expect((await post(small, { query: "{ about { version } }" })).status).toBe(200);
    } finally {
      await small.stop();
    }
  });
});

describe("connector registration, ping and state", () => {
  it("registers idempotently and hands out the broker settings and queue names", async () => {
    const first = await post(fixture.platform, { query: REGISTER, variables: { input: INPUT } });
    expect(first.body).toEqual({
      data: {
        registerConnector: {
          id: CONNECTOR_ID,
          connector_state: null,
          config: {
            connection: {
              host: "no-broker.invalid",
              vhost: "/",
              use_ssl: false,
              port: 5672,
              user: "guest",
              pass: "guest",
            },
            listen: `listen_${CONNECTOR_ID}`,
            listen_routing: `listen_routing_${CONNECTOR_ID}`,
            listen_exchange: "amqp.connector.exchange",
            push: `push_${CONNECTOR_ID}`,
            push_routing: `push_routing_${CONNECTOR_ID}`,
            push_exchange: "amqp.worker.exchange",
          },
          connector_user_id: "88ec0c6a-13ce-5e39-b486-354fe4a7084f",
        },
      },
    });
    await post(fixture.platform, {
      query: PING,
      variables: { id: CONNECTOR_ID, state: '{"cursor":"2026-01-01"}', connectorInfo: INFO },
    });
    const again = await post(fixture.platform, {
      query: REGISTER,
      variables: { input: { ...INPUT, name: "Renamed" } },
    });
    expect(again.body.data.registerConnector.connector_state).toBe('{"cursor":"2026-01-01"}');
    expect(fixture.platform.connector(CONNECTOR_ID)).toMatchObject({
      name: "Renamed",
      registrations: 2,
      scope: ["identity", "malware"],
    });
    expect(fixture.platform.state(CONNECTOR_ID)).toEqual({ cursor: "2026-01-01" });
  });

  it("refuses a one-letter connector name with VALIDATION_ERROR", async () => {
    const answer = await post(fixture.platform, {
      query: REGISTER,
      variables: { input: { ...INPUT, id: "x", name: "A" } },
    });
    expect(answer.body.errors[0]).toMatchObject({ extensions: { code: "VALIDATION_ERROR", data: { field: "name" } } });
    expect(fixture.platform.connector("x")).toBeUndefined();
  });

  it("stores state and connector info on ping and reports a reset made through the test API", async () => {
    const ping = (state: string) =>
      post(fixture.platform, { query: PING, variables: { id: CONNECTOR_ID, state, connectorInfo: INFO } });
    expect((await ping('{"cursor":"a"}')).body.data.pingConnector).toEqual({
      id: CONNECTOR_ID,
      connector_state: '{"cursor":"a"}',
      connector_info: INFO,
    });
    await fixture.platform.resetState(CONNECTOR_ID);
    expect(fixture.platform.rawState(CONNECTOR_ID)).toBe("");
    expect((await ping('{"cursor":"b"}')).body.data.pingConnector.connector_state).toBe("");
    expect((await ping('{"cursor":"c"}')).body.data.pingConnector.connector_state).toBe('{"cursor":"c"}');
  });

  it("answers a ping of an unknown connector with FUNCTIONAL_ERROR", async () => {
    const answer = await post(fixture.platform, {
      query: PING,
      variables: { id: "unknown", state: null, connectorInfo: INFO },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      data: { pingConnector: null },
      errors: [
        expect.objectContaining({
          message: "No connector found with the specified ID",
          extensions: { code: "FUNCTIONAL_ERROR", data: { http_status: 400, genre: "BUSINESS", id: "unknown" } },
        }),
      ],
    });
  });

  it("rejects a malformed DateTime in connector info with 400 BAD_USER_INPUT", async () => {
    const answer = await post(fixture.platform, {
      query: PING,
      variables: { id: CONNECTOR_ID, state: null, connectorInfo: { ...INFO, last_run_datetime: "yesterday" } },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].extensions.code).toBe("BAD_USER_INPUT");
  });

  it("returns null for an unknown connector and the queue details of a known one", async () => {
    const query = `query GetConnector($id: String!) { connector(id: $id) { id name active connector_queue_details { messages_number messages_size } } }`;
    expect((await post(fixture.platform, { query, variables: { id: "unknown" } })).body).toEqual({
      data: { connector: null },
    });
    expect((await post(fixture.platform, { query, variables: { id: CONNECTOR_ID } })).body.data.connector).toEqual({
      id: CONNECTOR_ID,
      name: "Renamed",
      active: true,
      connector_queue_details: { messages_number: 0, messages_size: 0 },
    });
  });

  it("logs every call with its operation, fields and error codes", () => {
    const pings = fixture.platform.calls({ operationName: "PingConnector" });
    expect(pings.length).toBeGreaterThanOrEqual(4);
    expect(pings.at(-1)).toMatchObject({ fields: ["pingConnector"], status: 400, errorCodes: ["BAD_USER_INPUT"] });
  });
});
