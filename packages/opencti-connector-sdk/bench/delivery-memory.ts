/**
 * Peak memory while streaming 1,000,000 objects of the reference workload in batches through the SDK's sender to
 * the local broker (generation, split, publish, confirm). The benchmark queue keeps only the latest messages so the
 * broker does not fill up; confirmations are unaffected.
 */
import { AmqpTransport } from "../src/delivery/amqp-transport.js";
import { BundleSender } from "../src/delivery/bundle-sender.js";
import { BENCH_BROKER, benchTopology, fmt, peakRssMiB } from "./bench-broker.js";
import { syntheticBatches } from "./workload.js";

const ITEMS = 333_333; // 3 × 333,333 + 2 per batch ≈ 1,000,000 objects
const ITEMS_PER_BATCH = 2_500;

export async function run(): Promise<void> {
  const topology = await benchTopology(10_000);
  const transport = new AmqpTransport({
    connection: BENCH_BROKER,
    exchange: topology.exchange,
    routingKey: topology.routingKey,
    applicantId: "88ec0c6a-13ce-5e39-b486-354fe4a7084f",
  });
  const sender = new BundleSender({ transports: [transport] });
  // This benchmark runs in its own process: the process's peak RSS is the streaming's.
  const before = peakRssMiB();
  const started = performance.now();
  try {
    await transport.start();
    const result = await sender.send(syntheticBatches(ITEMS, ITEMS_PER_BATCH));
    const elapsed = (performance.now() - started) / 1000;
    const peak = peakRssMiB();
    console.log(
      `streaming: ${fmt(result.objects)} objects in ${result.batches} batches of ${fmt(3 * ITEMS_PER_BATCH + 2)}, ` +
        `${elapsed.toFixed(1)} s (${fmt(result.sent / elapsed)} messages/s)`,
    );
    console.log(
      `  peak RSS                            ${peak.toFixed(0)} MiB (before: ${before.toFixed(0)} MiB; target < 300 MB)`,
    );
  } finally {
    await transport.close();
    await topology.remove();
  }
}
