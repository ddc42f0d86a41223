/**
 * Delivery throughput on the local broker (shared/bench/README.md): split + publish + confirm of 200,000 objects of
 * the reference workload through the SDK, against a raw baseline publishing the same pre-serialised messages on a
 * bare amqplib confirm channel that awaits confirms every 1,000 messages; and the splitter alone.
 */
import { connect } from "amqplib";
import { createQueueMessageEncoder, QUEUE_PUBLISH_OPTIONS } from "../src/delivery/amqp-envelope.js";
import { AmqpTransport } from "../src/delivery/amqp-transport.js";
import { BundleSender } from "../src/delivery/bundle-sender.js";
import { splitBundle } from "../src/delivery/bundle-splitter.js";
import { BENCH_BROKER, BENCH_BROKER_URL, type BenchTopology, benchTopology, fmt } from "./bench-broker.js";
import { syntheticObjects } from "./workload.js";

const ITEMS = 66_666; // 3 × 66,666 + 2 = 200,000 objects
const ROUNDS = 2;
const WORK_ID = "work_bench_2026-01-01T00:00:00.000Z";
const APPLICANT = "88ec0c6a-13ce-5e39-b486-354fe4a7084f";

const gc = () => (globalThis as { gc?: () => void }).gc?.();
const seconds = (since: number) => (performance.now() - since) / 1000;

function splitterAlone(objects: Record<string, unknown>[]): number {
  let best = 0;
  for (let round = 0; round < 3; round++) {
    gc();
    const started = performance.now();
    splitBundle({ type: "bundle", id: "bundle--bench", objects });
    best = Math.max(best, objects.length / seconds(started));
  }
  return best;
}

/** The bare-broker baseline: `messages` on a raw amqplib confirm channel, confirms awaited every 1,000; messages/s. */
export async function rawBaseline(topology: BenchTopology, messages: Buffer[]): Promise<number> {
  const model = await connect(BENCH_BROKER_URL);
  const channel = await model.createConfirmChannel();
  gc();
  const started = performance.now();
  for (let i = 0; i < messages.length; i += 1_000) {
    for (const body of messages.slice(i, i + 1_000)) {
      channel.publish(topology.exchange, topology.routingKey, body, QUEUE_PUBLISH_OPTIONS);
    }
    await channel.waitForConfirms();
  }
  const rate = messages.length / seconds(started);
  await model.close();
  return rate;
}

async function sdk(topology: BenchTopology, objects: Record<string, unknown>[]): Promise<number> {
  const transport = new AmqpTransport({
    connection: BENCH_BROKER,
    exchange: topology.exchange,
    routingKey: topology.routingKey,
    applicantId: APPLICANT,
  });
  await transport.start();
  const api = { addExpectations: async () => {}, reportExpectation: async () => {} };
  const sender = new BundleSender({ transports: [transport], api });
  gc();
  const started = performance.now();
  const result = await sender.send({ type: "bundle", id: "bundle--bench", objects }, { workId: WORK_ID });
  const rate = result.sent / seconds(started);
  await transport.close();
  return rate;
}

export async function run(): Promise<void> {
  const objects = syntheticObjects(ITEMS);
  console.log(`delivery throughput: synthetic ${fmt(ITEMS)} = ${fmt(objects.length)} objects, local RabbitMQ`);
  const splitRate = splitterAlone(objects);
  console.log(`  splitter alone                      ${fmt(splitRate)} objects/s (best of 3; target >= 200,000)`);

  // The baseline's messages: exactly what the SDK publishes, serialised before the clock starts.
  const split = splitBundle({ type: "bundle", id: "bundle--bench", objects });
  const encode = createQueueMessageEncoder({
    applicantId: APPLICANT,
    entitiesTypes: [],
    update: false,
    draftId: null,
    workId: WORK_ID,
  });
  const messages = split.bundles.map((bundle, i) => encode(i + 1, bundle));
  const meanBytes = messages.reduce((sum, m) => sum + m.length, 0) / messages.length;
  console.log(`  messages                            ${fmt(messages.length)}, mean envelope ${fmt(meanBytes)} bytes`);

  const topology = await benchTopology();
  const raw: number[] = [];
  const ours: number[] = [];
  try {
    // Alternate the two, best of each, to even out a shared machine's noise.
    for (let round = 1; round <= ROUNDS; round++) {
      raw.push(await rawBaseline(topology, messages));
      await topology.purge();
      ours.push(await sdk(topology, objects));
      await topology.purge();
      console.log(`  round ${round}: raw ${fmt(raw.at(-1) ?? 0)} messages/s, SDK ${fmt(ours.at(-1) ?? 0)} messages/s`);
    }
  } finally {
    await topology.remove();
  }
  const bestRaw = Math.max(...raw);
  const bestOurs = Math.max(...ours);
  console.log(`  raw amqplib baseline (confirms every 1,000)  ${fmt(bestRaw)} messages/s`);
  console.log(`  SDK split + publish + confirm                ${fmt(bestOurs)} messages/s`);
  console.log(
    `  ratio                                        ${((bestOurs / bestRaw) * 100).toFixed(1)} % (target >= 70 %)`,
  );
}
