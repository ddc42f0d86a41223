/**
 * The connector benchmark: a synthetic feed of N records through an `ExternalImportConnector` (collect, map with
 * the bound builders, validate, split, publish with confirms, checkpoint after each batch) into the local RabbitMQ,
 * with the test GraphQL server (executing the real schema) as the platform, in one process. Each record becomes
 * the three objects of the reference workload (`shared/bench/README.md`): an address, its indicator and a
 * `based-on` relationship, built by the connector's builders with the author and TLP:GREEN bound.
 */
import { Writable } from "node:stream";
import { defaultBuilders, TLP_GREEN } from "@org/stix2-types";
import { z } from "zod";
import { type ConnectorConfigOf, defineConnectorConfig } from "../src/config/define-connector-config.js";
import type { ExternalImportConnectorOptions } from "../src/connector/connector-options.js";
import { ExternalImportConnector } from "../src/connector/external-import-connector.js";
import type { CollectContext, MapContext } from "../src/connector/import-context.js";
import type { ImportState } from "../src/connector/import-state.js";
import { startFakePlatform } from "../test/connector/support/fake-platform.js";
import { CONNECTOR_ID, TEST_TOKEN } from "../test/support/platform-fixtures.js";
import { benchTopology, fmt, peakRssMiB } from "./bench-broker.js";
import { workloadAddress } from "./workload.js";

const RECORDS_PER_BATCH = 1_000;
const TIMESTAMP = "2025-01-01T00:00:00.000Z";

const benchConfig = defineConnectorConfig({
  namespace: "bench",
  schema: z.object({}),
  connector: { type: "EXTERNAL_IMPORT", name: "Bench Feed", scope: ["indicator"], durationPeriod: "PT1H" },
});
const benchState = z.object({ next: z.number().int().nonnegative().optional() });
type Config = ConnectorConfigOf<typeof benchConfig>;

/** A feed of `records` record numbers, read `RECORDS_PER_BATCH` at a time from the `next` cursor. */
class BenchFeedConnector extends ExternalImportConnector<typeof benchConfig, typeof benchState, number> {
  readonly #records: number;

  constructor(records: number, options: ExternalImportConnectorOptions) {
    super(
      {
        config: benchConfig,
        state: benchState,
        author: defaultBuilders.identity({ name: "Perf Baseline Source", identity_class: "organization" }),
        markings: [TLP_GREEN],
      },
      options,
    );
    this.#records = records;
  }

  async *collect(context: CollectContext<Config, ImportState<typeof benchState>>): AsyncGenerator<number[]> {
    let next = context.state.next ?? 0;
    while (next < this.#records) {
      const end = Math.min(this.#records, next + RECORDS_PER_BATCH);
      yield Array.from({ length: end - next }, (_, k) => next + k);
      next = end;
      context.checkpoint({ next });
    }
  }

  override toStix(i: number, context: MapContext<Config>) {
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

/** Runs `records` records end to end and prints records/s, objects/s and peak RSS. */
export async function runConnectorBench(records: number): Promise<void> {
  const topology = await benchTopology(10_000);
  const { server, platform } = await startFakePlatform();
  platform.registration.config.push_exchange = topology.exchange;
  platform.registration.config.push_routing = topology.routingKey;
  platform.registration.config.push = topology.queue;
  const connector = new BenchFeedConnector(records, {
    env: {
      OPENCTI_URL: server.url,
      OPENCTI_TOKEN: TEST_TOKEN,
      CONNECTOR_ID,
      CONNECTOR_RUN_AND_TERMINATE: "true",
      CONNECTOR_LOG_LEVEL: "info",
      MQ_HOST: "127.0.0.1",
      MQ_USER: "guest",
      MQ_PASS: "guest",
    },
    cwd: "/nonexistent",
    // The INFO lines (one per batch) are formatted as in production, then discarded.
    logStream: new Writable({ write: (_chunk, _encoding, done) => done() }),
  });
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
    const work = platform.works[0];
    if (exitCode !== 0 || work?.closed?.inError !== false) {
      throw new Error(`the benchmark run failed: ${work?.closed?.message ?? `exit code ${exitCode}`}`);
    }
    console.log(
      `connector end to end, ${fmt(records)} records (${fmt(work.expected)} messages in ${fmt(records / RECORDS_PER_BATCH)} batches): ` +
        `${seconds.toFixed(1)} s, ${fmt(records / seconds)} records/s, ${fmt(work.expected / seconds)} messages/s`,
    );
    console.log(
      `  peak RSS                            ${peak.toFixed(0)} MiB (before: ${before.toFixed(0)} MiB; target < 300 MB)`,
    );
  } finally {
    clearInterval(sampler);
    await topology.remove();
    await server.close();
  }
}
