/**
 * The connector benchmark: a synthetic feed of N records through an `ExternalImportConnector` (collect, map with
 * the bound builders, validate, split, publish with confirms, checkpoint after each batch) into the local RabbitMQ.
 * Each record becomes the three objects of the reference workload (`shared/bench/README.md`): an address, its
 * indicator and a `based-on` relationship, built by the connector's builders with the author and TLP:GREEN bound.
 *
 * It runs the built package (`dist/`, what a connector runs in production; `pnpm bench` builds it first), falling
 * back to the sources when there is no build, against an in-process platform that answers the connector's
 * operations (registration, pings, works) without HTTP, so the figures are the connector's and the broker's.
 */
import { existsSync } from "node:fs";
import { Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import { defaultBuilders, TLP_GREEN } from "@org/stix2-types";
import { z } from "zod";
import type { ConnectorInfoInput, OpenCtiApi } from "../src/api/types.js";
import { CONNECTOR_ID, registeredConnector } from "../test/support/platform-fixtures.js";
import { benchTopology, fmt, peakRssMiB } from "./bench-broker.js";
import { workloadAddress } from "./workload.js";

type Sdk = typeof import("../src/index.js");

const RECORDS_PER_BATCH = 1_000;
const TIMESTAMP = "2025-01-01T00:00:00.000Z";

const DIST = new URL("../dist/index.mjs", import.meta.url);

/** The SDK as connectors run it: the build when there is one, else the sources (through tsx). */
async function loadSdk(): Promise<{ sdk: Sdk; from: string }> {
  if (existsSync(fileURLToPath(DIST))) return { sdk: (await import(DIST.href)) as Sdk, from: "dist/" };
  return { sdk: await import("../src/index.js"), from: "src/ (no build)" };
}

/** The platform side of the connector's operations, in memory: what a real platform would store. */
function inProcessPlatform(push: { exchange: string; routingKey: string; queue: string }) {
  const platform = { state: null as string | null, works: 0, expectations: 0, closed: [] as string[] };
  const registration = registeredConnector(null);
  registration.config.push = push.queue;
  registration.config.push_routing = push.routingKey;
  registration.config.push_exchange = push.exchange;
  const unused = async (): Promise<never> => {
    throw new Error("not used by an external import");
  };
  const api: OpenCtiApi = {
    about: async () => ({ version: "6.9.17" }),
    registerConnector: async () => registration,
    pingConnector: async (id: string, state: string | null, info: ConnectorInfoInput) => {
      platform.state = state;
      return { id, connector_state: state, connector_info: info };
    },
    getConnector: async () => ({
      id: CONNECTOR_ID,
      name: "Bench Feed",
      active: true,
      connector_type: "EXTERNAL_IMPORT",
      connector_scope: ["indicator"],
      connector_state: platform.state,
      connector_queue_details: { messages_number: 0, messages_size: 0 },
    }),
    workAdd: async (connectorId: string) => `work_${connectorId}_${new Date().toISOString()}_${++platform.works}`,
    workToReceived: unused,
    workToProcessed: async (_id: string, message: string, inError: boolean) => {
      platform.closed.push(`${inError ? "in error: " : ""}${message}`);
    },
    addExpectations: async (_id: string, n: number) => {
      platform.expectations += n;
    },
    reportExpectation: async () => {},
    pingWork: async () => {},
    deleteWork: unused,
    work: unused,
    isWorkAlive: unused,
    stixBundlePush: unused,
    uploadPending: unused,
    deleteConnector: unused,
  };
  return { api, platform };
}

/** Runs `records` records end to end and prints records/s, messages/s and peak RSS. */
export async function runConnectorBench(records: number): Promise<void> {
  const { sdk, from } = await loadSdk();
  const benchConfig = sdk.defineConnectorConfig({
    namespace: "bench",
    schema: z.object({}),
    connector: { type: "EXTERNAL_IMPORT", name: "Bench Feed", scope: ["indicator"], durationPeriod: "PT1H" },
  });
  const benchState = z.object({ next: z.number().int().nonnegative().optional() });
  type Config = import("../src/index.js").ConnectorConfigOf<typeof benchConfig>;

  /** A feed of `records` record numbers, read `RECORDS_PER_BATCH` at a time from the `next` cursor. */
  class BenchFeedConnector extends sdk.ExternalImportConnector<typeof benchConfig, typeof benchState, number> {
    async *collect(
      context: import("../src/index.js").CollectContext<
        Config,
        import("../src/index.js").ImportState<typeof benchState>
      >,
    ): AsyncGenerator<number[]> {
      let next = context.state.next ?? 0;
      while (next < records) {
        const end = Math.min(records, next + RECORDS_PER_BATCH);
        yield Array.from({ length: end - next }, (_, k) => next + k);
        next = end;
        context.checkpoint({ next });
      }
    }

    override toStix(i: number, context: import("../src/index.js").MapContext<Config>) {
      const value = workloadAddress(i);
      const address = context.stix.ipv4Address({ value });
      const indicator = context.stix.indicatorFor(address, {
        name: value,
        description: `Synthetic indicator ${i}`,
        valid_from: TIMESTAMP,
        created: TIMESTAMP,
        modified: TIMESTAMP,
      });
      const basedOn = context.stix.relationship({
        relationship_type: "based-on",
        source_ref: indicator.id,
        target_ref: address.id,
        created: TIMESTAMP,
        modified: TIMESTAMP,
      });
      return [address, indicator, basedOn];
    }
  }

  const topology = await benchTopology(10_000);
  const { api, platform } = inProcessPlatform(topology);
  const connector = new BenchFeedConnector(
    {
      config: benchConfig,
      state: benchState,
      author: defaultBuilders.identity({ name: "Perf Baseline Source", identity_class: "organization" }),
      markings: [TLP_GREEN],
    },
    {
      env: {
        OPENCTI_URL: "http://platform.invalid",
        OPENCTI_TOKEN: "bench-token-0000",
        CONNECTOR_ID,
        CONNECTOR_RUN_AND_TERMINATE: "true",
        CONNECTOR_LOG_LEVEL: "info",
        MQ_HOST: "127.0.0.1",
        MQ_USER: "guest",
        MQ_PASS: "guest",
      },
      cwd: "/nonexistent",
      api,
      // The INFO lines (one per batch) are formatted as in production, then discarded.
      logStream: new Writable({ write: (_chunk, _encoding, done) => done() }),
    },
  );
  (globalThis as { gc?: () => void }).gc?.();
  const before = peakRssMiB();
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss() / (1024 * 1024));
  }, 50);
  const started = performance.now();
  try {
    const { exitCode } = await connector.run();
    const seconds = (performance.now() - started) / 1000;
    peak = Math.max(peak, peakRssMiB());
    const closing = platform.closed[0] ?? "";
    if (exitCode !== 0 || !closing.startsWith("Imported")) {
      throw new Error(`the benchmark run failed: ${closing || `exit code ${exitCode}`}`);
    }
    console.log(
      `connector end to end (SDK from ${from}), ${fmt(records)} records = ${fmt(platform.expectations)} messages in ` +
        `${fmt(Math.ceil(records / RECORDS_PER_BATCH))} batches: ${seconds.toFixed(1)} s, ` +
        `${fmt(records / seconds)} records/s, ${fmt(platform.expectations / seconds)} messages/s`,
    );
    console.log(
      `  peak RSS ${peak.toFixed(0)} MiB = ${(peak * 1.048576).toFixed(0)} MB (target < 300 MB); ` +
        `${before.toFixed(0)} MiB before the run, growth ${(peak - before).toFixed(0)} MiB`,
    );
  } finally {
    clearInterval(sampler);
    await topology.remove();
  }
}
