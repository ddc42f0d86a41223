import { EventEmitter } from "node:events";
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { systemClock } from "../../src/clock/clock.js";
import { startFakePlatform, workCalls } from "../connector/support/fake-platform.js";
import { declarePushTopology, describeWithBroker, drainQueue } from "../support/broker.js";
import { CONNECTOR_ID, CONNECTOR_USER_ID, TEST_TOKEN } from "../support/platform-fixtures.js";
import { type CliRun, GEOGRAPHY, runInProcess, spawnCli } from "./support/cli-harness.js";

const geography = JSON.parse(readFileSync(GEOGRAPHY, "utf8")) as { id: string; objects: { id: string }[] };
const GEOGRAPHY_IDS = geography.objects.map((o) => o.id).sort();
const IDENTITY = "identity--8cb00c79-ab20-5ed4-b37d-337241b96a29";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The fake platform, its registration pointing at a fresh push topology on the local broker. */
async function platformWithBroker() {
  const topology = await declarePushTopology("CLI send test");
  cleanups.push(topology.cleanup);
  const { server, platform } = await startFakePlatform();
  cleanups.push(() => server.close());
  platform.registration.config.push_exchange = topology.exchange;
  platform.registration.config.push_routing = topology.routingKey;
  const env = {
    OPENCTI_URL: server.url,
    OPENCTI_TOKEN: TEST_TOKEN,
    CONNECTOR_ID,
    // The platform advertises its Docker-internal broker; the overrides reach the local one.
    MQ_HOST: "127.0.0.1",
    MQ_USER: "guest",
    MQ_PASS: "guest",
  };
  return { topology, server, platform, env };
}

function expectNoSecret(run: CliRun): void {
  expect(run.stdout).not.toContain(TEST_TOKEN);
  expect(run.stderr).not.toContain(TEST_TOKEN);
  expect(run.stderr).not.toContain("guest:guest");
}

/** The summary's lines, the elapsed line checked by pattern (the clock is real). */
function summaryLines(run: CliRun): string[] {
  const lines = run.stdout.trimEnd().split("\n");
  expect(lines.at(-1)).toMatch(/^ {2}elapsed {7}\d+\.\d s \([\d,-]+ objects\/s\)$/);
  return lines.slice(0, -1);
}

describeWithBroker("send over RabbitMQ", () => {
  it("delivers every object of geography.json, with expectations equal to the messages, and closes the work", async () => {
    const { topology, server, platform, env } = await platformWithBroker();
    const run = await runInProcess(["send", GEOGRAPHY, "--batch-size", "200"], {
      env: { ...env, CONNECTOR_LOG_LEVEL: "debug" },
    });
    expect(run.code, run.stderr).toBe(0);
    expectNoSecret(run);

    const received = await drainQueue(topology.queue);
    const objects = received.map((m) => m.bundle.objects[0] as { id: string });
    expect([...new Set(objects.map((o) => o.id))].sort()).toEqual(GEOGRAPHY_IDS);
    // 3 batches of 200, 200 and 139 objects; the author identity travels again with the 2nd and 3rd.
    expect(received).toHaveLength(541);
    expect(objects.filter((o) => o.id === IDENTITY)).toHaveLength(3);
    expect(new Set(received.map((m) => m.bundle.id))).toEqual(new Set([geography.id]));
    const [work] = platform.works;
    expect(
      received.every((m) => m.envelope.work_id === work?.id && m.envelope.applicant_id === CONNECTOR_USER_ID),
    ).toBe(true);

    expect(work).toMatchObject({ expected: 541, errors: [] });
    expect(work?.name).toMatch(/^opencti-connector CLI run @ \d{4}-\d\d-\d\dT/);
    expect(work?.closed).toEqual({
      message: "opencti-connector send: 539 objects from " + `${GEOGRAPHY} in 3 batches (541 messages)`,
      inError: false,
    });
    expect(workCalls(server).map(([operation, variables]) => [operation, variables.expectations])).toEqual([
      ["workAdd", undefined],
      ["addExpectations", 200],
      ["addExpectations", 201],
      ["addExpectations", 140],
      ["workToProcessed", undefined],
    ]);
    expect(server.callsOf("RegisterConnector")[0]?.variables.input).toMatchObject({
      id: CONNECTOR_ID,
      name: "opencti-connector CLI",
      type: "EXTERNAL_IMPORT",
    });
    expect(summaryLines(run)).toEqual([
      `Sent ${GEOGRAPHY}: 539 objects in 3 batches through RabbitMQ`,
      "  objects       identity 1, location 272, relationship 266",
      "  messages      541 messages confirmed by RabbitMQ",
      `  expectations  541 on work ${work?.id}`,
      "  warnings      none",
    ]);
  });

  it("sends a bundle read from stdin by the built executable, and shows no secret", async () => {
    const { topology, platform, env } = await platformWithBroker();
    const run = await spawnCli(["send", "-"], {
      env: { ...env, CONNECTOR_LOG_LEVEL: "info", CONNECTOR_NAME: "Geography push" },
      input: readFileSync(GEOGRAPHY),
    });
    expect(run.code, run.stderr).toBe(0);
    expectNoSecret(run);
    expect(run.stdout.split("\n")[0]).toBe("Sent stdin: 539 objects in 1 batch through RabbitMQ");
    expect(run.stderr).toContain('"message": "Connector registered with ID"');
    const received = await drainQueue(topology.queue);
    expect(received.map((m) => (m.bundle.objects[0] as { id: string }).id).sort()).toEqual(GEOGRAPHY_IDS);
    expect(platform.works).toMatchObject([{ expected: 539, closed: { inError: false } }]);
    expect(platform.works[0]?.name).toMatch(/^Geography push run @ /);
  });
});

describe("send through the API and into a directory", () => {
  it("pushes the batches with stixBundlePush under one work when CONNECTOR_QUEUE_PROTOCOL=api", async () => {
    const { server, platform } = await startFakePlatform();
    cleanups.push(() => server.close());
    const pushed: { bundle: { id: string; objects: { id: string }[] }; workId: unknown }[] = [];
    server.setResolvers({
      Mutation: {
        stixBundlePush: (args) => {
          pushed.push({ bundle: JSON.parse(String(args.bundle)), workId: args.work_id });
          return true;
        },
      },
    });
    const run = await runInProcess(["send", GEOGRAPHY, "--batch-size", "300"], {
      env: { OPENCTI_URL: server.url, OPENCTI_TOKEN: TEST_TOKEN, CONNECTOR_ID, CONNECTOR_QUEUE_PROTOCOL: "api" },
    });
    expect(run.code, run.stderr).toBe(0);
    expectNoSecret(run);
    const [work] = platform.works;
    expect(pushed.map((p) => [p.bundle.id, p.bundle.objects.length, p.workId])).toEqual([
      [geography.id, 300, work?.id],
      [geography.id, 240, work?.id],
    ]);
    expect([...new Set(pushed.flatMap((p) => p.bundle.objects.map((o) => o.id)))].sort()).toEqual(GEOGRAPHY_IDS);
    // The worker counts what it splits from a pushed bundle: the CLI adds no expectation.
    expect(workCalls(server).map(([operation]) => operation)).toEqual(["workAdd", "workToProcessed"]);
    expect(work?.closed?.inError).toBe(false);
    expect(summaryLines(run).slice(2, 4)).toEqual([
      "  messages      2 bundles pushed",
      `  expectations  0 on work ${work?.id}`,
    ]);
  });

  it("closes the work in error and prints one line when the platform refuses a push", async () => {
    const { server, platform } = await startFakePlatform();
    cleanups.push(() => server.close());
    server.setResolvers({
      Mutation: {
        stixBundlePush: () => {
          throw Object.assign(new Error("Invalid bundle"), { extensions: { code: "UNSUPPORTED_ERROR" } });
        },
      },
    });
    const run = await runInProcess(["send", GEOGRAPHY], {
      env: { OPENCTI_URL: server.url, OPENCTI_TOKEN: TEST_TOKEN, CONNECTOR_ID, CONNECTOR_QUEUE_PROTOCOL: "api" },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr.split("\n")).toHaveLength(2);
    expect(run.stderr).toMatch(
      /^error: api delivery failed: .*Invalid bundle.* \(0 objects delivered before it stopped\)\n$/,
    );
    expect(platform.works[0]?.closed).toMatchObject({
      inError: true,
      message: expect.stringMatching(/^DeliveryError: /),
    });
  });

  it("uploads the batches to the workbench in validation mode, publishing nothing", async () => {
    const { server, platform } = await startFakePlatform();
    cleanups.push(() => server.close());
    const run = await runInProcess(["send", GEOGRAPHY, "--batch-size", "300"], {
      env: {
        OPENCTI_URL: server.url,
        OPENCTI_TOKEN: TEST_TOKEN,
        CONNECTOR_ID,
        CONNECTOR_VALIDATE_BEFORE_IMPORT: "yes",
      },
    });
    expect(run.code, run.stderr).toBe(0);
    const [work] = platform.works;
    const workId = work?.id as string;
    expect(platform.uploads.map((u) => [u.name, u.type])).toEqual([
      [`${workId}.json`, "application/json"],
      [`${workId}_2.json`, "application/json"],
    ]);
    const uploaded = platform.uploads.map((u) => JSON.parse(u.content) as { id: string; objects: { id: string }[] });
    expect(uploaded.map((b) => [b.id, b.objects.length])).toEqual([
      [geography.id, 300],
      [geography.id, 240],
    ]);
    expect([...new Set(uploaded.flatMap((b) => b.objects.map((o) => o.id)))].sort()).toEqual(GEOGRAPHY_IDS);
    expect(workCalls(server).map(([operation]) => operation)).toEqual(["workAdd", "workToProcessed"]);
    expect(work?.closed).toEqual({
      message: `opencti-connector send: 539 objects from ${GEOGRAPHY} in 2 batches (uploaded to the workbench for validation)`,
      inError: false,
    });
    expect(server.callsOf("StixBundlePush")).toEqual([]);
    expect(summaryLines(run)).toEqual([
      `Sent ${GEOGRAPHY}: 539 objects in 2 batches to the workbench for validation`,
      "  objects       identity 1, location 272, relationship 266",
      "  messages      2 files uploaded to the workbench",
      `  expectations  0 on work ${workId}`,
      "  warnings      none",
    ]);
  });

  it("writes the batches into --directory without opening a work", async () => {
    const { mkdtemp, readdir, rm } = await import("node:fs/promises");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const directory = await mkdtemp(join(tmpdir(), "cli-send-"));
    cleanups.push(() => rm(directory, { recursive: true, force: true }));
    const { server } = await startFakePlatform();
    cleanups.push(() => server.close());
    const run = await runInProcess(["send", GEOGRAPHY, "--directory", directory, "--batch-size", "500"], {
      env: { OPENCTI_URL: server.url, OPENCTI_TOKEN: TEST_TOKEN, CONNECTOR_ID },
    });
    expect(run.code, run.stderr).toBe(0);
    const files = (await readdir(directory)).sort();
    expect(files).toHaveLength(2);
    const written = files.map((name) => JSON.parse(readFileSync(join(directory, name), "utf8")));
    expect(written.map((file) => [file.bundle_type, file.applicant_id, file.bundle.objects.length])).toEqual([
      ["DIRECTORY_BUNDLE", CONNECTOR_USER_ID, 500],
      ["DIRECTORY_BUNDLE", CONNECTOR_USER_ID, 40],
    ]);
    expect(workCalls(server)).toEqual([]);
    expect(summaryLines(run)).toEqual([
      `Wrote ${GEOGRAPHY}: 539 objects in 2 batches into ${directory}`,
      "  objects       identity 1, location 272, relationship 266",
      `  messages      2 files written to ${directory}`,
      "  expectations  none (no work: CONNECTOR_SEND_TO_QUEUE is false)",
      "  warnings      none",
    ]);
  });

  it("prints progress on stderr during a long send", async () => {
    const { server } = await startFakePlatform();
    cleanups.push(() => server.close());
    server.setResolvers({ Mutation: { stixBundlePush: () => true } });
    let now = Date.parse("2026-02-12T22:00:00.000Z");
    // Each reading of the clock is 2 s later: a batch every few readings is past the 5 s progress interval.
    const clock = { now: () => (now += 2_000), sleep: systemClock.sleep };
    const run = await runInProcess(["send", GEOGRAPHY, "--batch-size", "100"], {
      env: { OPENCTI_URL: server.url, OPENCTI_TOKEN: TEST_TOKEN, CONNECTOR_ID, CONNECTOR_QUEUE_PROTOCOL: "api" },
      clock,
    });
    expect(run.code, run.stderr).toBe(0);
    const progress = run.stderr.trimEnd().split("\n");
    expect(progress.length).toBeGreaterThan(0);
    for (const line of progress) {
      expect(line).toMatch(/^progress: [\d,]+ of 539 objects sent \(\d+ %\), [\d,]+ objects\/s$/);
    }
    expect(progress.at(-1)).toMatch(/^progress: 539 of 539 objects sent \(100 %\)/);
  });
});

describe("send: warnings and interruption", () => {
  it("lists the references the splitter removed", async () => {
    const { server } = await startFakePlatform();
    cleanups.push(() => server.close());
    server.setResolvers({ Mutation: { stixBundlePush: () => true } });
    const asset = "x-mitre-asset--0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    const note = {
      type: "note",
      spec_version: "2.1",
      id: "note--8d1b7b3e-2c4a-4f5e-9a6b-7c8d9e0f1a2b",
      created: "2026-01-15T10:00:00.000Z",
      modified: "2026-01-15T10:00:00.000Z",
      content: "Seen on an asset",
      object_refs: [IDENTITY, asset],
    };
    const bundle = { type: "bundle", id: geography.id, objects: [geography.objects[0], note] };
    const run = await runInProcess(["send", "-"], {
      env: { OPENCTI_URL: server.url, OPENCTI_TOKEN: TEST_TOKEN, CONNECTOR_ID, CONNECTOR_QUEUE_PROTOCOL: "api" },
      stdin: JSON.stringify(bundle),
    });
    expect(run.code, run.stderr).toBe(0);
    expect(summaryLines(run).slice(4)).toEqual([
      "  warnings      1 reference or object removed by the splitter: unsupported_type 1",
      `    ${note.id} object_refs ${asset} (unsupported_type)`,
    ]);
  });

  it("stops at SIGINT between batches, closes the work in error and says how far it got", async () => {
    const { server, platform } = await startFakePlatform();
    cleanups.push(() => server.close());
    const signals = new EventEmitter();
    let pushes = 0;
    server.setResolvers({
      Mutation: {
        stixBundlePush: () => {
          pushes++;
          signals.emit("SIGINT", "SIGINT");
          return true;
        },
      },
    });
    const run = await runInProcess(["send", GEOGRAPHY, "--batch-size", "100"], {
      env: { OPENCTI_URL: server.url, OPENCTI_TOKEN: TEST_TOKEN, CONNECTOR_ID, CONNECTOR_QUEUE_PROTOCOL: "api" },
      signals,
    });
    expect(pushes).toBe(1);
    expect(run).toEqual({
      code: 1,
      stdout: "",
      stderr: "error: interrupted by SIGINT (100 objects delivered before it stopped)\n",
    });
    expect(platform.works[0]?.closed).toEqual({ message: "CliError: interrupted by SIGINT", inError: true });
    expect(signals.listenerCount("SIGINT")).toBe(0);
  });
});

describe("send failures", () => {
  it("reports a bad configuration on one line, sends nothing and shows no secret", async () => {
    const { server } = await startFakePlatform();
    cleanups.push(() => server.close());
    const run = await runInProcess(["send", GEOGRAPHY], {
      env: { OPENCTI_TOKEN: TEST_TOKEN, CONNECTOR_ID: "not-a-uuid", CONNECTOR_QUEUE_PROTOCOL: "kafka" },
    });
    expect(run).toEqual({
      code: 1,
      stdout: "",
      stderr:
        "error: invalid configuration (3 problems): OPENCTI_URL / YAML opencti.url: expected a value, not set; " +
        'CONNECTOR_ID / YAML connector.id: expected a UUID such as 5ed680de-75e2-4aa0-bec0-4e8e5a0d1695, got "not-a-uuid"; ' +
        'CONNECTOR_QUEUE_PROTOCOL / YAML connector.queue_protocol: expected one of "amqp", "api", got "kafka"\n',
    });
    expect(server.calls).toEqual([]);
  });

  it("reports an unreachable platform on one line", async () => {
    const { server } = await startFakePlatform();
    const url = server.url;
    await server.close();
    const run = await runInProcess(["send", GEOGRAPHY, "--startup-timeout", "0"], {
      env: { OPENCTI_URL: url, OPENCTI_TOKEN: TEST_TOKEN, CONNECTOR_ID },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(
      new RegExp(
        `^error: healthCheck failed after 1 attempt\\(s\\) \\(deadline reached\\): OpenCTI platform at ${url}/graphql could not be reached during healthCheck[^\\n]*\\n$`,
      ),
    );
    expectNoSecret(run);
  });

  it("reports a refused token on one line without showing it", async () => {
    const { server } = await startFakePlatform();
    cleanups.push(() => server.close());
    const wrong = "0f1e2d3c-4b5a-4968-8776-655443322110";
    const run = await runInProcess(["send", GEOGRAPHY], {
      env: { OPENCTI_URL: server.url, OPENCTI_TOKEN: wrong, CONNECTOR_ID },
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `error: OpenCTI at ${server.url}/graphql refused healthCheck (AUTH_REQUIRED): You must be logged in to do this.; check OPENCTI_TOKEN (the token of a user of this platform)\n`,
    );
    expect(run.stderr + run.stdout).not.toContain(wrong);
  });

  it("sends nothing from an invalid bundle", async () => {
    const { server } = await startFakePlatform();
    cleanups.push(() => server.close());
    const bundle = { ...geography, objects: [...geography.objects.slice(0, 3), { type: "malware", id: "malware--x" }] };
    const run = await runInProcess(["send", "-"], {
      env: { OPENCTI_URL: server.url, OPENCTI_TOKEN: TEST_TOKEN, CONNECTOR_ID },
      stdin: JSON.stringify(bundle),
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^error: stdin is not a valid STIX bundle, nothing was sent: 1 invalid object or property, the first: objects\[3\]\.\w+: .+ \("opencti-connector validate" lists them all\)\n$/,
    );
    expect(server.calls).toEqual([]);
  });

  it("refuses a configuration that sends nowhere", async () => {
    const run = await runInProcess(["send", GEOGRAPHY], {
      env: {
        OPENCTI_URL: "http://127.0.0.1:9",
        OPENCTI_TOKEN: TEST_TOKEN,
        CONNECTOR_ID,
        CONNECTOR_SEND_TO_QUEUE: "false",
      },
    });
    expect(run).toEqual({
      code: 1,
      stdout: "",
      stderr:
        "error: nothing would be sent: CONNECTOR_SEND_TO_QUEUE is false and CONNECTOR_SEND_TO_DIRECTORY is off (use --directory DIR to write files)\n",
    });
  });

  it("reports a missing file and a bad command line", async () => {
    expect(await runInProcess(["send", "nope.json"], { env: {} })).toEqual({
      code: 1,
      stdout: "",
      stderr: "error: cannot read nope.json: no such file\n",
    });
    expect(await runInProcess(["send"], { env: {} })).toEqual({
      code: 2,
      stdout: "",
      stderr: 'error: expected a bundle file, or - for stdin (see "opencti-connector send --help")\n',
    });
    expect((await runInProcess(["send", "a.json", "--batch-size", "0"], { env: {} })).stderr).toBe(
      'error: --batch-size must be a positive integer, got "0" (see "opencti-connector send --help")\n',
    );
  });
});
