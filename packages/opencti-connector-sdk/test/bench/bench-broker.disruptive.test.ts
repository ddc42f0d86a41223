/**
 * The benchmarks' throwaway topology survives what a long benchmark may meet on a shared broker: a restart between
 * two operations, and a broker that is down when the benchmark cleans up. Acts on the shared broker, so it runs with
 * the disruptive suite; the broker is always left running.
 */
import { afterEach, expect, it } from "vitest";
import { type BenchTopology, benchTopology } from "../../bench/bench-broker.js";
import { connectBroker, describeWithBroker, restartBroker, whileBrokerStopped } from "../support/broker.js";

const leftovers: BenchTopology[] = [];
afterEach(async () => {
  for (const topology of leftovers.splice(0)) await topology.remove();
});

/** Whether the queue still exists on the broker. */
async function queueExists(queue: string): Promise<boolean> {
  const model = await connectBroker();
  model.on("error", () => {});
  try {
    const channel = await model.createChannel();
    channel.on("error", () => {});
    await channel.checkQueue(queue);
    return true;
  } catch {
    return false;
  } finally {
    await model.close().catch(() => undefined);
  }
}

describeWithBroker("bench topology on a disrupted broker", () => {
  it("purges and removes after the broker restarted since it was declared", async () => {
    const warnings: string[] = [];
    const topology = await benchTopology(100, (line) => warnings.push(line));
    leftovers.push(topology);
    await restartBroker();
    await topology.purge();
    await topology.remove();
    expect(warnings).toEqual([]);
    expect(await queueExists(topology.queue)).toBe(false);
  });

  it("does not throw when the broker is down at cleanup: it warns about what is left", async () => {
    const warnings: string[] = [];
    const topology = await benchTopology(undefined, (line) => warnings.push(line));
    leftovers.push(topology);
    await whileBrokerStopped(() => topology.remove());
    expect(warnings).toHaveLength(1);
    const [warning] = warnings;
    expect(
      warning?.startsWith(
        `bench cleanup: could not delete queue ${topology.queue} and exchange ${topology.exchange} (`,
      ),
    ).toBe(true);
    expect(warning?.endsWith("); delete them by hand")).toBe(true);
    expect(warning).not.toContain("guest:guest");
    expect(await queueExists(topology.queue)).toBe(true);
  });
});
