import { EventEmitter } from "node:events";
import { PassThrough } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { runConnector } from "../../src/connector/run-connector.js";
import type { GraphQLServer } from "../support/graphql-server.js";
import { CONNECTOR_ID } from "../support/platform-fixtures.js";
import { type Harness, harness, WORK_ID } from "./connector-harness.js";
import { toProcessedCall, workCalls } from "./support/fake-platform.js";
import { feedRecords, TestFeedConnector } from "./support/test-feed-connector.js";

let server: GraphQLServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Runs `runConnector` with a fake process: its exits, stderr and signals. */
function fakeProcess(h: Harness) {
  const exits: number[] = [];
  const stderr = new PassThrough();
  let text = "";
  stderr.on("data", (chunk: Buffer) => {
    text += chunk.toString("utf8");
  });
  const signals = new EventEmitter();
  return {
    exits,
    signals,
    stderrText: () => text,
    run: (target: Parameters<typeof runConnector>[0]) =>
      h.drive(runConnector(target, { exit: (code) => exits.push(code), stderr, signals })),
  };
}

describe("runConnector", () => {
  it("exits 0 after a successful run-and-terminate run of a connector class", async () => {
    const h = await harness();
    server = h.server;
    const make = () => h.connector();
    class Feed extends TestFeedConnector {
      constructor() {
        const base = make();
        super(base.feed, base.batchSize, { ...optionsOf(h) });
      }
    }
    const process = fakeProcess(h);
    await expect(process.run(Feed)).resolves.toBe(0);
    expect(process.exits).toEqual([0]);
    expect(workCalls(h.server).at(-1)?.[1]).toMatchObject({ inError: false });
  });

  it("runs once and exits on a zero period (CONNECTOR_DURATION_PERIOD=0), reporting run_and_terminate", async () => {
    const h = await harness();
    server = h.server;
    const process = fakeProcess(h);
    const connector = h.connector({
      env: { CONNECTOR_RUN_AND_TERMINATE: "false", CONNECTOR_DURATION_PERIOD: "0" },
    });
    await expect(process.run(connector)).resolves.toBe(0);
    expect(process.exits).toEqual([0]);
    expect(connector.collects.map((c) => c.offset)).toEqual([0]);
    expect(workCalls(h.server).at(-1)).toEqual(
      toProcessedCall(WORK_ID, "Imported 6 records as 18 STIX objects in 3 batches (18 messages)", false),
    );
    const infos = h.server.callsOf("PingConnector").map((c) => c.variables.connectorInfo);
    expect(infos.map((info) => (info as { run_and_terminate: boolean }).run_and_terminate)).toEqual(
      infos.map(() => true),
    );
    expect(infos.at(-1)).toMatchObject({ next_run_datetime: null, last_run_datetime: "2026-02-12T22:00:00Z" });
    expect(h.logger.entries.some((e) => e.message === "Starting run and terminate")).toBe(true);
  });

  it("exits 1 when the run-and-terminate run fails", async () => {
    const h = await harness();
    server = h.server;
    const process = fakeProcess(h);
    const connector = h.connector({
      hooks: {
        beforeBatch: () => {
          throw new Error("feed down");
        },
      },
    });
    await expect(process.run(connector)).resolves.toBe(1);
    expect(process.exits).toEqual([1]);
  });

  it("prints an invalid configuration as one message without a stack and exits 1 having sent nothing", async () => {
    const h = await harness();
    server = h.server;
    const process = fakeProcess(h);
    const connector = h.connector({ env: { CONNECTOR_ID: "not-a-uuid", CONNECTOR_DURATION_PERIOD: "hourly" } });
    await expect(process.run(connector)).resolves.toBe(1);
    expect(process.stderrText()).toBe(
      [
        "Invalid connector configuration (2 problems):",
        '  - CONNECTOR_ID / YAML connector.id: expected a UUID such as 5ed680de-75e2-4aa0-bec0-4e8e5a0d1695, got "not-a-uuid"',
        '  - CONNECTOR_DURATION_PERIOD / YAML connector.duration_period: expected an ISO-8601 duration such as PT1H, P1D or P30D, got "hourly"',
        "",
      ].join("\n"),
    );
    expect(h.server.calls).toEqual([]);
  });

  it("logs a refused token as one ERROR line without a stack and exits 1", async () => {
    const h = await harness();
    server = h.server;
    const process = fakeProcess(h);
    await expect(process.run(h.connector({ env: { OPENCTI_TOKEN: "wrong-token-0000" } }))).resolves.toBe(1);
    const errors = h.logger.entries.filter((e) => e.level === "error");
    expect(errors).toHaveLength(1);
    expect(errors[0]?.attributes).toEqual({});
    expect(errors[0]?.message).toMatch(
      new RegExp(`^OpenCTI at ${h.server.url}/graphql refused healthCheck \\(AUTH_REQUIRED\\): `),
    );
    expect(errors[0]?.message).not.toContain("wrong-token-0000");
    expect(process.exits).toEqual([1]);
  });

  it("stops gracefully on SIGTERM and exits 0", async () => {
    const h = await harness();
    server = h.server;
    const process = fakeProcess(h);
    const connector: TestFeedConnector = h.connector({
      env: { CONNECTOR_RUN_AND_TERMINATE: "false" },
      hooks: {
        beforeBatch: (offset) => {
          if (offset === 2) process.signals.emit("SIGTERM", "SIGTERM");
        },
      },
    });
    await expect(process.run(connector)).resolves.toBe(0);
    expect(process.exits).toEqual([0]);
    expect(workCalls(h.server).at(-1)).toEqual(
      toProcessedCall(
        WORK_ID,
        "RunInterruptedError: Run interrupted (SIGTERM); state kept at the last confirmed checkpoint",
        true,
      ),
    );
    expect(h.platform.state).toBe('{"offset":2}');
    expect(process.signals.listenerCount("SIGTERM")).toBe(0);
  });

  it("exits 1 at once on a second signal", async () => {
    const h = await harness();
    server = h.server;
    const process = fakeProcess(h);
    const connector = h.connector({
      env: { CONNECTOR_RUN_AND_TERMINATE: "false" },
      hooks: {
        beforeBatch: (offset) => {
          if (offset !== 0) return;
          process.signals.emit("SIGINT", "SIGINT");
          process.signals.emit("SIGINT", "SIGINT");
        },
      },
    });
    await process.run(connector);
    // The fake exit returns, so the graceful stop then completes with 0.
    expect(process.exits).toEqual([1, 0]);
    expect(h.logger.entries.filter((e) => e.attributes.signal === "SIGINT").map((e) => [e.level, e.message])).toEqual([
      ["info", "Shutdown signal received, stopping the connector"],
      ["warn", "Second shutdown signal, exiting at once"],
    ]);
  });

  it("skips the run while the push queue is over the threshold and reports buffering", async () => {
    const h = await harness();
    server = h.server;
    h.platform.queueBytes = 600_000_000;
    const process = fakeProcess(h);
    const connector = h.connector();
    await expect(process.run(connector)).resolves.toBe(0);
    expect(connector.collects).toEqual([]);
    expect(workCalls(h.server)).toEqual([]);
    expect(h.server.callsOf("GetConnector").map((c) => c.variables)).toEqual([{ id: CONNECTOR_ID }]);
    expect(h.server.callsOf("PingConnector").at(-1)?.variables.connectorInfo).toMatchObject({
      run_and_terminate: true,
      buffering: true,
      queue_threshold: 500,
      queue_messages_size: 600,
    });
    expect(
      h.logger.entries.some(
        (e) => e.message === "Connector will not run until the queue messages size is reduced under queue threshold",
      ),
    ).toBe(true);
  });
});

describe("ExternalImportConnector: platform version check", () => {
  const MISMATCH =
    "OpenCTI platform 6.7.3 does not satisfy >=6.8.0 required by the SDK; upgrade the platform or use a connector release made for it";

  it("logs a WARNING for a platform outside the supported range and runs anyway by default", async () => {
    const h = await harness({ version: "6.7.3" });
    server = h.server;
    const result = await h.drive(h.connector().run());
    expect(result.exitCode).toBe(0);
    expect(h.logger.entries.filter((e) => e.level === "warn").map((e) => [e.message, e.attributes])).toEqual([
      [MISMATCH, { version: "6.7.3", required: ">=6.8.0" }],
    ]);
    expect(workCalls(h.server).at(-1)?.[1]).toMatchObject({ id: WORK_ID, inError: false });
  });

  it.each([
    ["the connector option", { options: { failOnUnsupportedPlatform: true } }],
    ["CONNECTOR_FAIL_ON_UNSUPPORTED_PLATFORM", { env: { CONNECTOR_FAIL_ON_UNSUPPORTED_PLATFORM: "true" } }],
  ])("fails start-up before registering when %s asks for it (exit 1)", async (_how, setup) => {
    const h = await harness({ version: "6.7.3" });
    server = h.server;
    const process = fakeProcess(h);
    const connector = h.connector(setup);
    await expect(process.run(connector)).resolves.toBe(1);
    expect(process.exits).toEqual([1]);
    expect(h.server.calls.map((c) => c.operationName)).toEqual(["healthCheck"]);
    expect(connector.collects).toEqual([]);
    expect(h.logger.entries.filter((e) => e.level === "error").map((e) => e.message)).toEqual([MISMATCH]);
  });

  it("lets the connector option override the variable", async () => {
    const h = await harness({ version: "6.7.3" });
    server = h.server;
    const connector = h.connector({
      env: { CONNECTOR_FAIL_ON_UNSUPPORTED_PLATFORM: "true" },
      options: { failOnUnsupportedPlatform: false },
    });
    expect((await h.drive(connector.run())).exitCode).toBe(0);
  });
});

describe("ExternalImportConnector: metrics", () => {
  it("serves the run's figures on /metrics and ping health on /healthz", async () => {
    const h = await harness();
    server = h.server;
    const connector = h.connector({
      feed: [...feedRecords(3), { id: "r4", ip: "" }],
      env: { CONNECTOR_RUN_AND_TERMINATE: "false", CONNECTOR_EXPOSE_METRICS: "true" },
      options: { metricsPort: 0, metricsHost: "127.0.0.1" },
    });
    const running = connector.run();
    await h.until(() => h.logger.entries.some((e) => e.message === "Schedule next run of connector"));
    const port = h.logger.entries.find((e) => e.message === "Exposing metrics on port")?.attributes.port;
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    const sample = (name: string) => metrics.split("\n").find((line) => line.startsWith(`${name} `));
    expect([
      sample("runs_total"),
      sample("bundles_sent_total"),
      sample("records_sent_total"),
      sample("records_skipped_total"),
      sample("errors_total"),
      sample("last_run_records"),
      sample("last_run_objects"),
      sample("ping_api_total"),
      sample("ping_api_errors_total"),
    ]).toEqual([
      "runs_total 1",
      "bundles_sent_total 10",
      "records_sent_total 10",
      "records_skipped_total 1",
      "errors_total 1",
      "last_run_records 4",
      "last_run_objects 10",
      // The start-up ping and the three checkpoint pings (offset 2, offset 4, last_run).
      "ping_api_total 4",
      "ping_api_errors_total 0",
    ]);
    expect(metrics).toContain('state{state="idle"} 1');
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok", consecutive_ping_failures: 0 });
    await connector.stop("SIGTERM");
    await h.drive(running);
  });
});

/** The options `Harness.connector` gives, for connectors built by hand. */
function optionsOf(h: Harness) {
  return {
    env: h.env,
    cwd: "/nonexistent",
    clock: h.clock,
    logger: h.logger,
    createSender: h.sender.factory,
    pingIntervalMs: 7 * 24 * 3_600_000,
    random: () => 0.5,
  };
}
