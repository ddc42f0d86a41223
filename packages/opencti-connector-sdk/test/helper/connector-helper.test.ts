import { PassThrough } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { createOpenCtiClient } from "../../src/api/opencti-client.js";
import { FakeClock } from "../../src/clock/fake-clock.js";
import { defineConnectorConfig } from "../../src/config/define-connector-config.js";
import { loadConnectorConfig } from "../../src/config/load-connector-config.js";
import { OpenCTIAuthError } from "../../src/errors/opencti-auth-error.js";
import { StateResetError } from "../../src/errors/state-reset-error.js";
import { UnsupportedPlatformError } from "../../src/errors/unsupported-platform-error.js";
import { ConnectorHelper } from "../../src/helper/connector-helper.js";
import type { ConnectorHelperOptions, StateResetEvent } from "../../src/helper/connector-helper-types.js";
import { createLogger } from "../../src/logging/create-logger.js";
import { createMemoryLogger, type Logger } from "../../src/logging/logger.js";
import { settle } from "../support/drive.js";
import { type GraphQLServer, platformError, startGraphQLServer } from "../support/graphql-server.js";
import { CONNECTOR_ID, registeredConnector, TEST_TOKEN } from "../support/platform-fixtures.js";

const START = Date.parse("2026-02-12T22:00:00Z");
const INITIAL_INFO = {
  run_and_terminate: false,
  buffering: false,
  queue_threshold: 500,
  queue_messages_size: 0,
  next_run_datetime: null,
  last_run_datetime: null,
};

let server: GraphQLServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A platform that stores the state like OpenCTI does, including the reset flag (spec §4.3). */
function fakePlatform(options: { version?: string; state?: string | null } = {}) {
  const stored = { state: options.state ?? null, resetRequested: false };
  return {
    stored,
    resolvers: {
      Query: { about: () => ({ version: options.version ?? "6.9.17" }) },
      Mutation: {
        registerConnector: () => registeredConnector(stored.state),
        pingConnector: (args: Record<string, unknown>) => {
          if (stored.resetRequested) {
            stored.resetRequested = false;
            stored.state = "";
          } else {
            stored.state = args.state as string;
          }
          return { id: args.id, connector_state: stored.state, connector_info: args.connectorInfo };
        },
      },
    },
  };
}

async function setup(
  platform = fakePlatform(),
  options: { logger?: Logger; helper?: Partial<ConnectorHelperOptions>; token?: string } = {},
) {
  server = await startGraphQLServer({ token: TEST_TOKEN, resolvers: platform.resolvers });
  const clock = new FakeClock(START);
  const logger = options.logger ?? createMemoryLogger("Template");
  const definition = defineConnectorConfig({
    namespace: "template",
    schema: (await import("zod")).z.object({}),
    connector: { type: "EXTERNAL_IMPORT", name: "Template", scope: ["report"], durationPeriod: "PT1H" },
  });
  const config = loadConnectorConfig(definition, {
    env: { OPENCTI_URL: server.url, OPENCTI_TOKEN: options.token ?? TEST_TOKEN, CONNECTOR_ID },
    cwd: "/nonexistent",
  });
  const api = createOpenCtiClient({
    url: config.opencti.url,
    token: config.opencti.token,
    clock,
    logger,
    random: () => 0,
  });
  let ticks = 0;
  const tickWaiters: { n: number; resolve: () => void }[] = [];
  const onTick = () => {
    ticks += 1;
    for (const w of tickWaiters.filter((t) => ticks >= t.n)) w.resolve();
  };
  const helper = new ConnectorHelper({
    config,
    api,
    logger,
    clock,
    onPingSuccess: onTick,
    onPingFailure: onTick,
    ...options.helper,
  });
  /** Resolves once `n` loop pings (successful or not) have completed, advancing the clock as needed. */
  const untilTicks = (n: number) =>
    settle(ticks >= n ? Promise.resolve() : new Promise<void>((resolve) => tickWaiters.push({ n, resolve })), clock);
  return { server, clock, logger, api, helper, config, platform, untilTicks };
}

const pingVariables = (s: GraphQLServer) => s.callsOf("PingConnector").map((c) => c.variables);

describe("ConnectorHelper", () => {
  it("checks the platform, registers with the exact input and pings at once with the state and connectorInfo", async () => {
    const { server, helper, clock, logger } = await setup(fakePlatform({ state: '{"cursor":"2026-02-01"}' }));
    expect(server.calls).toHaveLength(0);
    const registration = await settle(helper.start(), clock);
    expect(registration).toEqual(registeredConnector('{"cursor":"2026-02-01"}'));
    expect(helper.registration).toBe(registration);
    expect(helper.platformVersion).toBe("6.9.17");
    expect(server.calls.map((c) => [c.operationName, c.variables])).toEqual([
      ["healthCheck", {}],
      [
        "RegisterConnector",
        {
          input: {
            id: CONNECTOR_ID,
            name: "Template",
            type: "EXTERNAL_IMPORT",
            scope: ["report"],
            auto: false,
            auto_update: false,
            enrichment_resolution: "none",
            only_contextual: false,
            playbook_compatible: false,
            listen_callback_uri: null,
          },
        },
      ],
      ["PingConnector", { id: CONNECTOR_ID, state: '{"cursor":"2026-02-01"}', connectorInfo: INITIAL_INFO }],
    ]);
    expect(helper.getState()).toEqual({ cursor: "2026-02-01" });
    expect(
      (logger as ReturnType<typeof createMemoryLogger>).entries.map((e) => [e.level, e.message, e.attributes]),
    ).toEqual([
      ["info", "OpenCTI platform version", { version: "6.9.17" }],
      ["info", "Connector registered with ID", { id: CONNECTOR_ID }],
    ]);
    await helper.stop();
  });

  it("pings every 40 s with the current state and scheduler info, and keeps the state across round trips", async () => {
    const { server, helper, untilTicks, clock, platform } = await setup();
    await settle(helper.start(), clock);
    expect(pingVariables(server)[0]).toMatchObject({ state: "null" });
    helper.setState({ cursor: 42, seen: ["a"] });
    helper.updateConnectorInfo({
      last_run_datetime: "2026-02-12T22:00:05Z",
      next_run_datetime: "2026-02-12T23:00:05Z",
    });
    await untilTicks(2);
    expect(clock.now() - START).toBe(40_000);
    await untilTicks(3);
    expect(clock.now() - START).toBe(80_000);
    expect(pingVariables(server).slice(1)).toEqual([
      {
        id: CONNECTOR_ID,
        state: '{"cursor":42,"seen":["a"]}',
        connectorInfo: {
          ...INITIAL_INFO,
          last_run_datetime: "2026-02-12T22:00:05Z",
          next_run_datetime: "2026-02-12T23:00:05Z",
        },
      },
      expect.objectContaining({ state: '{"cursor":42,"seen":["a"]}' }),
    ]);
    expect(platform.stored.state).toBe('{"cursor":42,"seen":["a"]}');
    expect(helper.getState()).toEqual({ cursor: 42, seen: ["a"] });
    expect(helper.stateGeneration).toBe(0);
    await helper.stop();
  });

  it("adopts a remote reset, logs it, bumps the generation and refuses checkpoints derived from the old state", async () => {
    const { helper, untilTicks, clock, platform, logger } = await setup(fakePlatform({ state: '{"cursor":5}' }));
    const events: StateResetEvent[] = [];
    helper.onStateReset((event) => events.push(event));
    await settle(helper.start(), clock);
    const generation = helper.stateGeneration;
    platform.stored.resetRequested = true;
    await untilTicks(2);
    expect(helper.getState()).toBeNull();
    expect(helper.stateGeneration).toBe(generation + 1);
    expect(events).toEqual([{ state: null, generation: 1 }]);
    expect((logger as ReturnType<typeof createMemoryLogger>).entries.at(-1)).toEqual({
      level: "info",
      name: "Template",
      message: "Connector state has been remotely reset",
      attributes: { state: null },
    });
    await expect(helper.checkpoint({ cursor: 6 }, { generation })).rejects.toThrow(StateResetError);
    expect(platform.stored.state).toBe("");
    await settle(helper.checkpoint({ cursor: 1 }, { generation: helper.stateGeneration }), clock);
    expect(platform.stored.state).toBe('{"cursor":1}');
    await helper.stop();
  });

  it("rejects a checkpoint whose own ping reveals a reset", async () => {
    const { helper, clock, platform } = await setup(fakePlatform({ state: '{"cursor":5}' }));
    await settle(helper.start(), clock);
    platform.stored.resetRequested = true;
    const error = await settle(helper.checkpoint({ cursor: 6 }), clock).catch((e: unknown) => e);
    expect(StateResetError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ expectedGeneration: 0, currentGeneration: 1 });
    expect(helper.getState()).toBeNull();
    await helper.stop();
  });

  it("persists a checkpoint immediately, retrying the ping until the platform stored it", async () => {
    const { server, helper, clock, platform } = await setup();
    await settle(helper.start(), clock);
    server.failNext({ status: 503 }, { times: 2, operation: "PingConnector" });
    let done = false;
    const checkpoint = helper.checkpoint({ cursor: "2026-02-12" }).then(() => {
      done = true;
    });
    await server.waitForCalls(4);
    expect(done).toBe(false);
    await settle(checkpoint, clock, { maxStepMs: 10_000 });
    expect(server.callsOf("PingConnector").map((c) => [c.failure, c.variables.state])).toEqual([
      [undefined, "null"],
      [{ status: 503 }, '{"cursor":"2026-02-12"}'],
      [{ status: 503 }, '{"cursor":"2026-02-12"}'],
      [undefined, '{"cursor":"2026-02-12"}'],
    ]);
    expect(platform.stored.state).toBe('{"cursor":"2026-02-12"}');
    await helper.stop();
  });

  it("reports every ping it sends to onPingSuccess/onPingFailure: loop, checkpoint attempts, forced and final", async () => {
    const counted: string[] = [];
    const { server, helper, clock } = await setup(fakePlatform(), {
      helper: {
        pingIntervalMs: 7 * 24 * 3_600_000,
        onPingSuccess: () => counted.push("success"),
        onPingFailure: (error) => counted.push(`failure: ${(error as Error).message}`),
      },
    });
    await settle(helper.start(), clock);
    server.failNext({ status: 503 }, { operation: "PingConnector" });
    await settle(helper.checkpoint({ cursor: "a" }), clock);
    await helper.forcePing();
    await helper.stop();
    expect(counted).toEqual([
      "success",
      expect.stringMatching(/^failure: .*HTTP 503/),
      "success",
      "success",
      "success",
    ]);
    expect(server.callsOf("PingConnector")).toHaveLength(5);
  });

  it("logs failed pings without stopping the loop", async () => {
    const { server, helper, untilTicks, clock, logger } = await setup();
    await settle(helper.start(), clock);
    server.failNext({ status: 502 }, { operation: "PingConnector" });
    await untilTicks(3);
    const errors = (logger as ReturnType<typeof createMemoryLogger>).entries.filter((e) => e.level === "error");
    expect(errors).toEqual([
      {
        level: "error",
        name: "Template",
        message: "Error pinging the API",
        attributes: {
          reason: `OpenCTI platform at ${server.url}/graphql answered HTTP 502 during PingConnector: Injected HTTP 502`,
        },
      },
    ]);
    expect(server.callsOf("PingConnector")).toHaveLength(3);
    await helper.stop();
  });

  it("stops the loop, persists the state with a final ping and closes the client, once", async () => {
    const { server, helper, clock, platform, api } = await setup();
    await settle(helper.start(), clock);
    helper.setState({ cursor: "final" });
    await Promise.all([helper.stop(), helper.stop()]);
    await helper.stop();
    expect(server.callsOf("PingConnector")).toHaveLength(2);
    expect(platform.stored.state).toBe('{"cursor":"final"}');
    expect(clock.pendingSleeps).toBe(0);
    await clock.advance(120_000);
    expect(server.callsOf("PingConnector")).toHaveLength(2);
    await expect(api.getConnector(CONNECTOR_ID)).rejects.toThrow("OpenCTI client closed");
  });

  it("never unregisters on stop(); unregister() sends exactly ConnectorDeletionMutation once, then closes", async () => {
    const platform = fakePlatform();
    const deleted: unknown[] = [];
    (platform.resolvers.Mutation as Record<string, unknown>).deleteConnector = (args: Record<string, unknown>) => {
      deleted.push(args.id);
      return args.id;
    };
    const stopped = await setup(platform);
    await settle(stopped.helper.start(), stopped.clock);
    await stopped.helper.stop();
    expect(stopped.server.callsOf("ConnectorDeletionMutation")).toEqual([]);
    await expect(stopped.helper.unregister()).rejects.toThrow("call unregister() instead of stop()");
    await stopped.server.close();

    const { server, helper, clock, api, logger } = await setup(platform);
    await expect(helper.unregister()).rejects.toThrow("The connector is not registered: call start() first");
    await settle(helper.start(), clock);
    const calls = server.calls.length;
    await helper.unregister();
    expect(server.calls.slice(calls).map((c) => [c.operationName, c.variables])).toEqual([
      ["ConnectorDeletionMutation", { id: CONNECTOR_ID }],
    ]);
    expect(server.calls.slice(calls)[0]?.query).toBe(
      "mutation ConnectorDeletionMutation($id: ID!) {\n  deleteConnector(id: $id)\n}",
    );
    expect(deleted).toEqual([CONNECTOR_ID]);
    expect((logger as ReturnType<typeof createMemoryLogger>).entries.at(-1)).toMatchObject({
      level: "info",
      message: "Connector unregistered: the platform deleted it with its works and queues",
      attributes: { id: CONNECTOR_ID },
    });
    // No loop ping and no final ping afterwards; the client is closed.
    await helper.stop();
    expect(clock.pendingSleeps).toBe(0);
    await clock.advance(120_000);
    expect(server.calls).toHaveLength(calls + 1);
    await expect(api.getConnector(CONNECTOR_ID)).rejects.toThrow("OpenCTI client closed");
  });

  it("rejects unregister() with the platform's error, sent once, and still closes the client", async () => {
    const platform = fakePlatform();
    (platform.resolvers.Mutation as Record<string, unknown>).deleteConnector = () => {
      throw platformError("FORBIDDEN_ACCESS", "You are not allowed to do this.");
    };
    const { server, helper, clock, api } = await setup(platform);
    await settle(helper.start(), clock);
    const error = await helper.unregister().catch((e: unknown) => e);
    expect(OpenCTIAuthError.isInstance(error)).toBe(true);
    expect(server.callsOf("ConnectorDeletionMutation")).toHaveLength(1);
    await expect(helper.stop()).resolves.toBeUndefined();
    await expect(api.getConnector(CONNECTOR_ID)).rejects.toThrow("OpenCTI client closed");
  });

  it("warns about a platform older than supported, or refuses it when asked, before registering", async () => {
    const old = await setup(fakePlatform({ version: "6.7.3" }), { helper: { supportVersion: ">=6.8.12" } });
    await settle(old.helper.start(), old.clock);
    const warnings = (old.logger as ReturnType<typeof createMemoryLogger>).entries.filter((e) => e.level === "warn");
    expect(warnings.map((w) => w.message)).toEqual([
      "OpenCTI platform 6.7.3 does not satisfy >=6.8.0 required by the SDK; upgrade the platform or use a connector release made for it",
      "OpenCTI platform 6.7.3 does not satisfy >=6.8.12 required by the connector; upgrade the platform or use a connector release made for it",
    ]);
    await old.helper.stop();
    await old.server.close();

    const strict = await setup(fakePlatform({ version: "6.7.3" }), { helper: { failOnUnsupportedPlatform: true } });
    const error = await settle(strict.helper.start(), strict.clock).catch((e: unknown) => e);
    expect(UnsupportedPlatformError.isInstance(error)).toBe(true);
    expect(strict.server.calls.map((c) => c.operationName)).toEqual(["healthCheck"]);
    await strict.helper.stop();
  });

  it("fails start() with a clear auth error and never writes the token to the logs", async () => {
    const stream = new PassThrough();
    const chunks: string[] = [];
    stream.on("data", (c: Buffer) => chunks.push(c.toString()));
    const logger = createLogger({
      name: "Template",
      level: "debug",
      json: true,
      secrets: [TEST_TOKEN],
      stream,
      clock: new FakeClock(START),
    });
    const good = await setup(fakePlatform(), { logger, helper: { secrets: logger.redactor } });
    good.server.failNext({ status: 503 });
    await settle(good.helper.start(), good.clock);
    logger.debug(`client configured with Bearer ${TEST_TOKEN}`, { headers: { authorization: `Bearer ${TEST_TOKEN}` } });
    logger.info("broker", { url: "amqp://opencti:broker-pass-1234@rabbitmq:5672" });
    await good.helper.stop();
    await good.server.close();

    const bad = await setup(fakePlatform(), { logger, token: `${TEST_TOKEN}-wrong` });
    const error = await settle(bad.helper.start(), bad.clock).catch((e: unknown) => e);
    expect(OpenCTIAuthError.isInstance(error)).toBe(true);
    expect(bad.server.calls).toHaveLength(1);
    logger.error("Start-up failed", { error, token: `${TEST_TOKEN}-wrong` });
    await logger.flush();
    const output = chunks.join("");
    expect(output).toContain("OpenCTI API call failed, retrying");
    expect(output).toContain("Bearer [REDACTED]");
    expect(output).toContain("amqp://opencti:[REDACTED]@rabbitmq:5672");
    expect(output).not.toContain(TEST_TOKEN);
    expect(output).not.toContain("broker-pass-1234");
  });
});
