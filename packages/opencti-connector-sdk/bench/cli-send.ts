/**
 * `opencti-connector send` of the reference workload (shared/bench/README.md, N = 10,000 and N = 100,000) to the
 * local RabbitMQ, beside the bare-broker baseline of the delivery benchmark measured in the same run: a raw amqplib
 * confirm channel publishing the same messages, pre-serialised, awaiting confirms every 1,000.
 *
 * The workload is written to a bundle file first; the CLI (the built `dist/`, as `npx opencti-connector` runs it;
 * `pnpm bench` builds first) runs in its own process against the test GraphQL server as platform, so its peak RSS is
 * its own: reading and validating the file, registration, the work, splitting, publishing, confirms.
 */
import { once } from "node:events";
import { createWriteStream, readFileSync } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createQueueMessageEncoder } from "../src/delivery/amqp-envelope.js";
import { splitBundle } from "../src/delivery/bundle-splitter.js";
import { type CliRun, spawnCli } from "../test/cli/support/cli-harness.js";
import { startGraphQLServer } from "../test/support/graphql-server.js";
import { type BenchTopology, benchTopology, fmt } from "./bench-broker.js";
import { rawBaseline } from "./delivery-throughput.js";
import { syntheticObjects, WORKLOAD_AUTHOR, WORKLOAD_MARKING, workloadTriple } from "./workload.js";

const SIZES = [10_000, 100_000];
const CONNECTOR_ID = "5ed680de-75e2-4aa0-bec0-4e8e5a0d1695";
const APPLICANT = "88ec0c6a-13ce-5e39-b486-354fe4a7084f";
const TOKEN = "bench-token-0f1e2d3c4b5a";
const BUNDLE_ID = "bundle--6f1a9e63-1b0e-4b4a-9f5a-2e1d6c7b8a90";

/** Writes the workload for `n` items as one bundle file (3n + 2 objects), without holding it in memory. */
async function writeWorkload(path: string, n: number): Promise<void> {
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, "drain");
  };
  await write(`{"type":"bundle","id":"${BUNDLE_ID}","objects":[`);
  await write(`${JSON.stringify(WORKLOAD_AUTHOR)},${JSON.stringify(WORKLOAD_MARKING)}`);
  for (let i = 0; i < n; i++) for (const object of workloadTriple(i)) await write(`,${JSON.stringify(object)}`);
  await write("]}\n");
  out.end();
  await once(out, "finish");
}

/** A platform answering what `send` asks: version, registration (pointing at the topology), pings and works. */
async function benchPlatform(topology: BenchTopology) {
  let expectations = 0;
  const closed: { message: string; inError: boolean }[] = [];
  const server = await startGraphQLServer({
    token: TOKEN,
    resolvers: {
      Query: { about: () => ({ version: "6.9.17" }) },
      Mutation: {
        registerConnector: () => ({
          id: CONNECTOR_ID,
          connector_state: null,
          config: {
            connection: { host: "127.0.0.1", vhost: "/", use_ssl: false, port: 5672, user: "guest", pass: "guest" },
            listen: `listen_${CONNECTOR_ID}`,
            listen_routing: `listen_routing_${CONNECTOR_ID}`,
            listen_exchange: "amqp.connector.exchange",
            push: topology.queue,
            push_routing: topology.routingKey,
            push_exchange: topology.exchange,
          },
          connector_user_id: APPLICANT,
        }),
        pingConnector: (args) => ({ id: args.id, connector_state: args.state, connector_info: args.connectorInfo }),
        workAdd: () => ({ id: `work_${CONNECTOR_ID}_${new Date().toISOString()}` }),
        workEdit: (args) => ({
          addExpectations: (edit: { expectations: number }) => {
            expectations += edit.expectations;
            return args.id;
          },
          toProcessed: (edit: { message: string; inError: boolean }) => {
            closed.push(edit);
            return args.id;
          },
          ping: () => args.id,
        }),
      },
    },
  });
  return { server, expectations: () => expectations, closed };
}

/** Runs the built CLI in a child process; returns its result and its peak RSS in MiB (`VmHWM`, sampled). */
async function runMeasured(args: string[], env: NodeJS.ProcessEnv): Promise<CliRun & { peakMiB: number }> {
  let peakKb = 0;
  let sample: NodeJS.Timeout | undefined;
  const run = await spawnCli(args, {
    env,
    onSpawn: (pid) => {
      sample = setInterval(() => {
        const kb = /VmHWM:\s+(\d+) kB/.exec(readStatus(pid))?.[1];
        if (kb !== undefined) peakKb = Math.max(peakKb, Number(kb));
      }, 20);
    },
  });
  clearInterval(sample);
  return { ...run, peakMiB: peakKb / 1024 };
}

function readStatus(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/status`, "utf8");
  } catch {
    return "";
  }
}

/** The baseline's messages: what the split workload publishes, serialised before the clock starts. */
function baselineMessages(n: number): Buffer[] {
  const split = splitBundle({ type: "bundle", id: BUNDLE_ID, objects: syntheticObjects(n) });
  const encode = createQueueMessageEncoder({
    applicantId: APPLICANT,
    entitiesTypes: [],
    update: false,
    draftId: null,
    workId: `work_${CONNECTOR_ID}_bench`,
  });
  return split.bundles.map((bundle, i) => encode(i + 1, bundle));
}

export async function run(): Promise<void> {
  console.log("opencti-connector send: reference workload from a bundle file to the local RabbitMQ");
  const directory = await mkdtemp(join(tmpdir(), "cli-bench-"));
  // Capped so the broker does not fill up; confirmations are unaffected.
  const topology = await benchTopology(50_000);
  const platform = await benchPlatform(topology);
  try {
    for (const n of SIZES) {
      const file = join(directory, `synthetic-${n}.json`);
      await writeWorkload(file, n);
      const objects = 3 * n + 2;
      const megabytes = (await stat(file)).size / 1e6;

      const raw = await rawBaseline(topology, baselineMessages(n));
      await topology.purge();

      const started = performance.now();
      const cli = await runMeasured(["send", file], {
        OPENCTI_URL: platform.server.url,
        OPENCTI_TOKEN: TOKEN,
        CONNECTOR_ID,
        CONNECTOR_NAME: "CLI bench",
      });
      const wall = (performance.now() - started) / 1000;
      await topology.purge();
      if (cli.code !== 0) throw new Error(`send exited with ${cli.code}: ${cli.stderr}`);
      const rate = /elapsed\s+([\d.]+) s \(([\d,]+) objects\/s\)/.exec(cli.stdout);
      const own = Number((rate?.[2] ?? "0").replaceAll(",", ""));
      const messages = /messages\s+([\d,]+) messages/.exec(cli.stdout)?.[1] ?? "?";
      console.log(`  N = ${fmt(n)}: ${fmt(objects)} objects, ${megabytes.toFixed(1)} MB file, ${messages} messages`);
      console.log(`    bare broker baseline (raw amqplib, confirms every 1,000)  ${fmt(raw)} messages/s`);
      console.log(
        `    opencti-connector send                                    ${fmt(own)} objects/s ` +
          `(${rate?.[1] ?? "?"} s inside the CLI, ${wall.toFixed(1)} s with process start-up)`,
      );
      console.log(`    ratio CLI / baseline                                      ${((own / raw) * 100).toFixed(1)} %`);
      console.log(`    CLI peak RSS                                              ${cli.peakMiB.toFixed(0)} MiB`);
    }
    console.log(`  expectations announced: ${fmt(platform.expectations())}; works closed: ${platform.closed.length}`);
  } finally {
    await platform.server.close();
    await topology.remove();
    await rm(directory, { recursive: true, force: true });
  }
}
