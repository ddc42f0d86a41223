import { afterEach, describe, expect, it } from "vitest";
import { OPENCTI_DOCUMENTS } from "../../src/api/documents/index.js";
import { createOpenCtiClient } from "../../src/api/opencti-client.js";
import type { OpenCtiClientOptions } from "../../src/api/opencti-client-types.js";
import { SDK_VERSION } from "../../src/api/sdk-version.js";
import { FakeClock } from "../../src/clock/fake-clock.js";
import { OpenCTIApiError } from "../../src/errors/opencti-api-error.js";
import { OpenCTIAuthError } from "../../src/errors/opencti-auth-error.js";
import { OpenCTIGraphQLError } from "../../src/errors/opencti-graphql-error.js";
import { OpenCTIUnavailableError } from "../../src/errors/opencti-unavailable-error.js";
import { RetryExhaustedError } from "../../src/errors/retry-exhausted-error.js";
import { createMemoryLogger } from "../../src/logging/logger.js";
import { settle } from "../support/drive.js";
import { type GraphQLServer, platformError, startGraphQLServer } from "../support/graphql-server.js";
import { CONNECTOR_ID, REGISTRATION_INPUT, registeredConnector, TEST_TOKEN } from "../support/platform-fixtures.js";

let server: GraphQLServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setup(
  resolvers: Parameters<typeof startGraphQLServer>[0] = {},
  options: Partial<OpenCtiClientOptions> = {},
) {
  server = await startGraphQLServer({ token: TEST_TOKEN, ...resolvers });
  const clock = new FakeClock(Date.parse("2026-02-12T22:00:00Z"));
  const logger = createMemoryLogger("Template");
  const api = createOpenCtiClient({
    url: `${server.url}/`,
    token: TEST_TOKEN,
    clock,
    logger,
    random: () => 0.5,
    ...options,
  });
  return { server, clock, logger, api };
}

describe("createOpenCtiClient", () => {
  it("sends the spec's documents with the token, the SDK user agent and the custom headers", async () => {
    const { server, api } = await setup(
      { resolvers: { Query: { about: () => ({ version: "6.9.17" }) } } },
      { customHeaders: { "X-Tenant": "acme", Authorization: "Basic overridden" } },
    );
    expect(await api.about()).toEqual({ version: "6.9.17" });
    expect(api.platformVersion).toBe("6.9.17");
    const [call] = server.calls;
    expect(call?.query).toBe(OPENCTI_DOCUMENTS.healthCheck);
    expect(call?.headers).toMatchObject({
      authorization: `Bearer ${TEST_TOKEN}`,
      "user-agent": `opencti-connector-sdk-ts/${SDK_VERSION}`,
      "content-type": "application/json",
      "x-tenant": "acme",
    });
    expect(api.url).toBe(`${server.url}/graphql`);
  });

  it("registers and pings with exact variables and returns the platform's answers", async () => {
    const info = {
      run_and_terminate: false,
      buffering: false,
      queue_threshold: 500,
      queue_messages_size: 0,
      next_run_datetime: null,
      last_run_datetime: "2026-02-12T21:00:00Z",
    };
    const { server, api } = await setup({
      resolvers: {
        Mutation: {
          registerConnector: () => registeredConnector('{"cursor":1}'),
          pingConnector: (args) => ({ id: args.id, connector_state: args.state, connector_info: args.connectorInfo }),
        },
      },
    });
    const input = REGISTRATION_INPUT;
    expect(await api.registerConnector(input)).toEqual(registeredConnector('{"cursor":1}'));
    expect(await api.pingConnector(CONNECTOR_ID, '{"cursor":2}', info)).toEqual({
      id: CONNECTOR_ID,
      connector_state: '{"cursor":2}',
      connector_info: info,
    });
    expect(server.calls.map((c) => [c.operationName, c.variables])).toEqual([
      ["RegisterConnector", { input }],
      ["PingConnector", { id: CONNECTOR_ID, state: '{"cursor":2}', connectorInfo: info }],
    ]);
  });

  it("sends the work, queue and delivery operations with exact variables", async () => {
    const { server, api } = await setup({
      resolvers: {
        Query: {
          connector: () => ({
            id: CONNECTOR_ID,
            name: "T",
            connector_queue_details: { messages_number: 2, messages_size: 3e6 },
          }),
          work: (args) => ({
            id: args.id,
            status: "progress",
            timestamp: "2026-02-12T22:00:00Z",
            messages: [null],
            errors: null,
          }),
          isWorkAlive: () => true,
          streamCollection: (args) => ({ id: args.id, name: "live" }),
        },
        Mutation: {
          workAdd: () => ({ id: "work_1", status: "progress", timestamp: "2026-02-12T22:00:00Z" }),
          workEdit: (args) => ({
            toReceived: () => args.id,
            toProcessed: () => args.id,
            addExpectations: () => args.id,
            reportExpectation: () => args.id,
            ping: () => args.id,
            delete: () => args.id,
            addDraftContext: () => args.id,
          }),
          stixBundlePush: () => true,
          deleteConnector: (args) => args.id,
          draftWorkspaceAdd: () => ({ id: "draft-1", name: "d", entity_type: "DraftWorkspace", parent_types: [] }),
          playbookStepExecution: () => true,
        },
      },
    });
    expect(await api.getConnector(CONNECTOR_ID)).toEqual({
      id: CONNECTOR_ID,
      name: "T",
      active: null,
      connector_type: null,
      connector_scope: null,
      connector_state: null,
      connector_queue_details: { messages_number: 2, messages_size: 3e6 },
    });
    expect(await api.workAdd(CONNECTOR_ID, "Template run @ 2026-02-12T22:00:00.000Z")).toBe("work_1");
    await api.workToReceived("work_1", "ready");
    await api.workToProcessed("work_1", "done", false);
    await api.addExpectations("work_1", 4);
    await api.reportExpectation("work_1", { error: "boom", source: "CONNECTOR" });
    await api.reportExpectation("work_1");
    await api.pingWork("work_1");
    await api.deleteWork("work_1");
    await api.addDraftContext("work_1", "draft-1");
    expect(await api.work("work_1")).toMatchObject({ id: "work_1", status: "progress", messages: [], errors: [] });
    expect(await api.isWorkAlive("work_1")).toBe(true);
    expect(await api.stixBundlePush(CONNECTOR_ID, '{"type":"bundle"}', null)).toBe(true);
    expect(await api.streamCollection("s1")).toEqual({
      id: "s1",
      name: "live",
      description: null,
      stream_live: null,
      stream_public: null,
    });
    expect(await api.draftWorkspaceAdd({ name: "work_1.json" })).toBe("draft-1");
    expect(await api.deleteConnector(CONNECTOR_ID)).toBeUndefined();
    expect(server.calls.map((c) => [c.operationName, c.variables])).toEqual([
      ["GetConnector", { id: CONNECTOR_ID }],
      ["workAdd", { connectorId: CONNECTOR_ID, friendlyName: "Template run @ 2026-02-12T22:00:00.000Z" }],
      ["workToReceived", { id: "work_1", message: "ready" }],
      ["workToProcessed", { id: "work_1", message: "done", inError: false }],
      ["addExpectations", { id: "work_1", expectations: 4 }],
      ["reportExpectation", { id: "work_1", error: { error: "boom", source: "CONNECTOR" } }],
      ["reportExpectation", { id: "work_1", error: null }],
      ["pingWork", { id: "work_1" }],
      ["ConnectorWorksMutation", { workId: "work_1" }],
      ["addDraftContext", { id: "work_1", draftContext: "draft-1" }],
      ["WorkQuery", { id: "work_1" }],
      ["WorkAliveQuery", { id: "work_1" }],
      ["StixBundlePush", { connectorId: CONNECTOR_ID, bundle: '{"type":"bundle"}', work_id: null }],
      ["StreamCollection", { id: "s1" }],
      ["draftWorkspaceAdd", { input: { name: "work_1.json" } }],
      ["ConnectorDeletionMutation", { id: CONNECTOR_ID }],
    ]);
    for (const call of server.calls) {
      expect(call.query).toBe(OPENCTI_DOCUMENTS[call.operationName as keyof typeof OPENCTI_DOCUMENTS]);
    }
  });

  it("uploads a pending file as a GraphQL multipart request", async () => {
    const { server, api } = await setup({
      resolvers: {
        Mutation: {
          uploadPending: () => ({
            id: "import/pending/work_1.json",
            name: "work_1.json",
            entity_type: "File",
            uploadStatus: "complete",
          }),
        },
      },
    });
    const result = await api.uploadPending(
      { name: "work_1.json", content: '{"type":"bundle"}' },
      { fileMarkings: ["m1"] },
    );
    expect(result).toEqual({ id: "import/pending/work_1.json", name: "work_1.json" });
    const [call] = server.calls;
    expect(call?.operationName).toBe("UploadPending");
    expect(call?.headers.authorization).toBe(`Bearer ${TEST_TOKEN}`);
    expect(call?.variables).toMatchObject({ entityId: null, file_markings: ["m1"] });
    const file = call?.files["variables.file"];
    expect([file?.name, file?.type, await file?.text()]).toEqual([
      "work_1.json",
      "application/json",
      '{"type":"bundle"}',
    ]);
  });

  it("retries 503s with backoff and answers once the platform recovers", async () => {
    const { server, api, clock, logger } = await setup({
      resolvers: { Query: { about: () => ({ version: "6.9.17" }) } },
    });
    server.failNext({ status: 503 }, { times: 2 });
    expect(await settle(api.about(), clock)).toEqual({ version: "6.9.17" });
    expect(server.calls.map((c) => c.failure)).toEqual([{ status: 503 }, { status: 503 }, undefined]);
    expect(
      logger.entries.map((e) => [e.level, e.name, e.message, e.attributes.attempt, e.attributes.delay_ms]),
    ).toEqual([
      ["warn", "api", "OpenCTI API call failed, retrying", 1, 500],
      ["warn", "api", "OpenCTI API call failed, retrying", 2, 1_000],
    ]);
    expect(logger.entries[0]?.attributes).toMatchObject({
      operation: "healthCheck",
      code: "HTTP_503",
      max_attempts: null,
    });
    expect(clock.now() - Date.parse("2026-02-12T22:00:00Z")).toBe(1_500);
  });

  it("honours Retry-After on 429, and retries dropped connections and timeouts", async () => {
    const { server, api, clock, logger } = await setup(
      { resolvers: { Query: { connector: () => null } } },
      { timeoutMs: 10_000, random: () => 0 },
    );
    server.failNext({
      status: 429,
      headers: { "retry-after": "7" },
      body: '{"message":"Too many requests, please try again later."}',
    });
    server.failNext({ drop: true });
    // Steps up to 7 s only: the 10 s request timeouts must not fire while requests are in flight.
    expect(await settle(api.getConnector(CONNECTOR_ID), clock, { maxStepMs: 7_000 })).toBeNull();
    expect(logger.entries.map((e) => [e.attributes.code, e.attributes.delay_ms])).toEqual([
      ["HTTP_429", 7_000],
      ["NETWORK", 0],
    ]);
    server.failNext({ hang: true });
    const started = clock.now();
    expect(await settle(api.getConnector(CONNECTOR_ID), clock, { maxStepMs: 10_000 })).toBeNull();
    expect(clock.now() - started).toBe(10_000);
    expect(logger.entries.at(-1)?.attributes).toMatchObject({ code: "TIMEOUT", attempt: 1 });
  });

  it("fails at once with a clear OpenCTIAuthError on a bad token (no retry, token never shown)", async () => {
    const { server, clock } = await setup({ resolvers: { Query: { about: () => ({ version: "6.9.17" }) } } });
    const api = createOpenCtiClient({ url: server.url, token: "wrong-token-value", clock });
    const error = await settle(api.about(), clock).catch((e: unknown) => e);
    expect(OpenCTIAuthError.isInstance(error)).toBe(true);
    expect(error).toBeInstanceOf(OpenCTIAuthError);
    expect((error as OpenCTIAuthError).message).toBe(
      `OpenCTI at ${server.url}/graphql refused healthCheck (AUTH_REQUIRED): You must be logged in to do this.; check OPENCTI_TOKEN (the token of a user of this platform)`,
    );
    expect(JSON.stringify(error)).not.toContain("wrong-token-value");
    expect(server.calls).toHaveLength(1);
  });

  it("maps HTTP 401/403 to OpenCTIAuthError", async () => {
    server = await startGraphQLServer({ token: TEST_TOKEN, authFailure: "http" });
    const clock = new FakeClock();
    const api = createOpenCtiClient({ url: server.url, token: "nope", clock });
    const error = await api.getConnector(CONNECTOR_ID).catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: "OpenCTIAuthError",
      status: 401,
      code: "HTTP_401",
      forbidden: false,
      isRetryable: false,
    });
    server.failNext({ status: 403 });
    const forbidden = await api.getConnector(CONNECTOR_ID).catch((e: unknown) => e);
    expect(forbidden).toMatchObject({ status: 403, forbidden: true });
    expect((forbidden as Error).message).toContain("give the token's user the capabilities of the Connector role");
  });

  it("gives up on an unreachable platform after the operation's attempts, naming the URL", async () => {
    const closed = await startGraphQLServer();
    const url = closed.url;
    await closed.close();
    const clock = new FakeClock();
    const api = createOpenCtiClient({ url, token: TEST_TOKEN, clock });
    const error = await settle(api.getConnector(CONNECTOR_ID), clock).catch((e: unknown) => e);
    expect(RetryExhaustedError.isInstance(error)).toBe(true);
    const exhausted = error as RetryExhaustedError;
    expect(exhausted.attempts).toHaveLength(3);
    expect(exhausted.reason).toBe("attempts");
    expect(exhausted.message).toMatch(
      new RegExp(
        `^GetConnector failed after 3 attempt\\(s\\): OpenCTI platform at ${url}/graphql could not be reached during GetConnector: .*ECONNREFUSED`,
      ),
    );
    expect(OpenCTIUnavailableError.isInstance(exhausted.cause)).toBe(true);
    expect(exhausted.cause).toMatchObject({ reason: "network", isRetryable: true, url: `${url}/graphql` });
    expect(exhausted.message).not.toContain(TEST_TOKEN);
  });

  it("retries start-up operations until the start-up deadline only", async () => {
    const closed = await startGraphQLServer();
    await closed.close();
    const clock = new FakeClock();
    const api = createOpenCtiClient({
      url: closed.url,
      token: TEST_TOKEN,
      clock,
      startupDeadlineMs: 300_000,
      random: () => 1,
    });
    const error = (await settle(api.about(), clock).catch((e: unknown) => e)) as RetryExhaustedError;
    expect(error.reason).toBe("deadline");
    // Waits 1, 2, 4, 8, 16, 32, 60, 60, 60 s (full jitter at its ceiling), then the next would pass 300 s.
    expect(error.attempts.map((a) => a.delayMs)).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000, 0,
    ]);
    expect(clock.now()).toBe(243_000);
  });

  it("does not retry functional errors, retries LOCK_ERROR, and reports schema mismatches with the platform version", async () => {
    let locks = 1;
    const { server, api, clock } = await setup({
      resolvers: {
        Query: { about: () => ({ version: "6.9.17" }) },
        Mutation: {
          workAdd: () => {
            if (locks-- > 0)
              throw platformError("LOCK_ERROR", "Execution timeout, too many concurrent call on the same entities");
            return { id: "work_2", status: "progress", timestamp: "2026-02-12T22:00:00Z" };
          },
          stixBundlePush: () => {
            throw platformError("UNSUPPORTED_ERROR", "Invalid bundle");
          },
        },
      },
    });
    expect(await settle(api.workAdd(CONNECTOR_ID, "run"), clock)).toBe("work_2");
    const push = await settle(api.stixBundlePush(CONNECTOR_ID, "{}", null), clock).catch((e: unknown) => e);
    expect(OpenCTIGraphQLError.isInstance(push)).toBe(true);
    expect(push).toMatchObject({
      code: "UNSUPPORTED_ERROR",
      operation: "StixBundlePush",
      isRetryable: false,
      status: 200,
    });
    expect(server.callsOf("StixBundlePush")).toHaveLength(1);

    await api.about();
    server.failNext({
      status: 400,
      body: JSON.stringify({
        errors: [{ message: 'Unknown argument "x"', extensions: { code: "GRAPHQL_VALIDATION_FAILED" } }],
      }),
    });
    const mismatch = (await api.isWorkAlive("w").catch((e: unknown) => e)) as OpenCTIGraphQLError;
    expect(mismatch.isSchemaMismatch).toBe(true);
    expect(mismatch.message).toBe(
      'OpenCTI rejected WorkAliveQuery with GRAPHQL_VALIDATION_FAILED: Unknown argument "x" (the platform 6.9.17 does not accept this SDK\'s document: check the versions)',
    );
  });

  it("rejects a reply that does not match the document's shape", async () => {
    const { api } = await setup({
      resolvers: { Mutation: { registerConnector: () => ({ ...registeredConnector(), config: null }) } },
    });
    const error = await api.registerConnector(REGISTRATION_INPUT).catch((e: unknown) => e);
    expect(OpenCTIApiError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: "INVALID_RESPONSE", isRetryable: false });
    expect((error as Error).message).toBe(
      "OpenCTI answered RegisterConnector with an unexpected shape at data.registerConnector.config: Invalid input: expected object, received null",
    );
  });

  it("close() stops pending retry waits", async () => {
    const { server, api, clock } = await setup({ resolvers: { Query: { connector: () => null } } });
    server.failNext({ status: 502 });
    const pending = api.getConnector(CONNECTOR_ID).catch((e: unknown) => e);
    await server.waitForCalls(1);
    while (clock.pendingSleeps < 1 || clock.nextDeadline === undefined || clock.nextDeadline - clock.now() > 60_000) {
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    await api.close();
    await api.close();
    expect(((await pending) as Error).message).toBe("OpenCTI client closed");
  });
});
