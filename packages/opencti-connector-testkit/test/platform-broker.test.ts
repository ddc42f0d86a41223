import amqp, { type ChannelModel } from "amqplib";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeWithBroker, LOCAL_AMQP_URL } from "../src/vitest/index.js";
import { ACME, EMOTET, usePlatform } from "./support/platform-fixture.js";
import { uniqueSuffix } from "./support/unique-suffix.js";

const describeBroker = await describeWithBroker();

describeBroker("emulator with RabbitMQ", () => {
  const prefix = `tk${uniqueSuffix()}`;
  const connectorId = `c${uniqueSuffix()}`;
  const push = `${prefix}_push_${connectorId}`;
  const fixture = usePlatform({ amqp: { url: LOCAL_AMQP_URL }, queuePrefix: prefix, workerPaused: true });
  const { gql } = fixture;
  let observer: ChannelModel;
  /** Publishes a connector's QUEUE_BUNDLE envelope as the SDK does (spec §6.3). */
  const publish = async (objects: unknown[], workId?: string) => {
    const channel = await observer.createConfirmChannel();
    const envelope = {
      bundle_type: "QUEUE_BUNDLE",
      applicant_id: "88ec0c6a-13ce-5e39-b486-354fe4a7084f",
      action_sequence: 1,
      entities_types: [],
      content: Buffer.from(JSON.stringify({ type: "bundle", id: "bundle--1", objects })).toString("base64"),
      update: false,
      draft_id: null,
      ...(workId ? { work_id: workId } : {}),
    };
    channel.publish(
      `${prefix}_amqp.worker.exchange`,
      `${prefix}_push_routing_${connectorId}`,
      Buffer.from(JSON.stringify(envelope)),
      {
        deliveryMode: 2,
        contentEncoding: "utf-8",
      },
    );
    await channel.waitForConfirms();
    await channel.close();
  };
  const messagesIn = async (queue: string) => {
    const channel = await observer.createChannel();
    try {
      return (await channel.checkQueue(queue)).messageCount;
    } finally {
      await channel.close();
    }
  };
  const refuses = async (action: (channel: amqp.Channel) => Promise<unknown>) => {
    const channel = await observer.createChannel();
    channel.on("error", () => {});
    return action(channel).then(
      async () => {
        await channel.close();
        return "accepted";
      },
      (error: Error) => error.message,
    );
  };
  const openWork = async (expectations: number) => {
    const added = await gql(`mutation workAdd($connectorId: String!) { workAdd(connectorId: $connectorId) { id } }`, {
      connectorId,
    });
    const id: string = added.body.data.workAdd.id;
    if (expectations > 0) {
      await gql(
        `mutation addExpectations($id: ID!, $n: Int) { workEdit(id: $id) { addExpectations(expectations: $n) } }`,
        {
          id,
          n: expectations,
        },
      );
    }
    return id;
  };

  beforeAll(async () => {
    observer = await amqp.connect(LOCAL_AMQP_URL);
  });
  afterAll(() => observer?.close());

  it("hands out the broker and declares the platform's topology on registration", async () => {
    const answer = await gql(
      `mutation RegisterConnector($input: RegisterConnectorInput) { registerConnector(input: $input) {
        config { connection { host port user vhost use_ssl } push push_routing push_exchange listen listen_routing listen_exchange } } }`,
      { input: { id: connectorId, name: "Broker test", type: "EXTERNAL_IMPORT", scope: ["malware"] } },
    );
    expect(answer.body.data.registerConnector.config).toEqual({
      connection: { host: "127.0.0.1", port: 5672, user: "guest", vhost: "/", use_ssl: false },
      push,
      push_routing: `${prefix}_push_routing_${connectorId}`,
      push_exchange: `${prefix}_amqp.worker.exchange`,
      listen: `${prefix}_listen_${connectorId}`,
      listen_routing: `${prefix}_listen_routing_${connectorId}`,
      listen_exchange: `${prefix}_amqp.connector.exchange`,
    });
    expect(await messagesIn(push)).toBe(0);
    expect(await messagesIn(`${prefix}_listen_${connectorId}`)).toBe(0);
    // Same declaration as the platform: durable classic queues, direct durable exchanges.
    const args = { name: "Broker test", config: { id: connectorId, type: "EXTERNAL_IMPORT", scope: ["malware"] } };
    expect(
      await refuses((c) => c.assertQueue(push, { durable: true, arguments: { ...args, "x-queue-type": "classic" } })),
    ).toBe("accepted");
    expect(
      await refuses((c) => c.assertQueue(push, { durable: true, arguments: { "x-queue-type": "quorum" } })),
    ).toMatch(/PRECONDITION_FAILED/);
    expect(await refuses((c) => c.assertQueue(push, { durable: false }))).toMatch(/PRECONDITION_FAILED/);
    expect(await refuses((c) => c.assertExchange(`${prefix}_amqp.worker.exchange`, "direct", { durable: true }))).toBe(
      "accepted",
    );
    expect(await refuses((c) => c.assertExchange(`${prefix}_amqp.worker.exchange`, "fanout"))).toMatch(
      /PRECONDITION_FAILED/,
    );
  });

  it("reports waiting push messages in connector_queue_details while the worker is paused", async () => {
    await publish([ACME]);
    await publish([ACME]);
    expect(await messagesIn(push)).toBe(2);
    const answer = await gql(
      `query GetConnector($id: String!) { connector(id: $id) { connector_queue_details { messages_number messages_size } } }`,
      { id: connectorId },
    );
    expect(answer.body.data.connector.connector_queue_details).toEqual({ messages_number: 2, messages_size: 2000 });
  });

  it("a state reset purges the queues", async () => {
    await fixture.platform.resetState(connectorId);
    expect(await messagesIn(push)).toBe(0);
  });

  it("the worker imports one-object messages and reports them on their work", async () => {
    const workId = await openWork(1);
    await publish([ACME], workId);
    await fixture.platform.resumeWorker();
    const work = await fixture.platform.waitForWork(workId);
    expect(work).toMatchObject({ status: "complete", expected: 1, completedNumber: 1, errors: [] });
    expect(fixture.platform.object(ACME.id)).toMatchObject({ connectorId, workId });
  });

  it("the worker splits a bigger message, adds the expectations and republishes the pieces", async () => {
    const workId = await openWork(0);
    await publish([EMOTET, ACME], workId);
    const work = await fixture.platform.waitForWork(workId);
    expect(work).toMatchObject({ expected: 2, completedNumber: 2, errors: [] });
    expect(fixture.platform.workerStats().split).toBe(1);
    expect(fixture.platform.object(EMOTET.id)?.object).toEqual(EMOTET);
  });

  it("drops queued messages of a deleted work", async () => {
    await fixture.platform.pauseWorker();
    const workId = await openWork(1);
    await publish([{ ...ACME, description: "from a deleted work" }], workId);
    await gql(`mutation ConnectorWorksMutation($workId: ID!) { workEdit(id: $workId) { delete } }`, { workId });
    const dropped = fixture.platform.workerStats().dropped;
    await fixture.platform.resumeWorker();
    await fixture.platform.waitUntil(() => fixture.platform.workerStats().dropped === dropped + 1);
    expect(fixture.platform.object(ACME.id)?.object.description).toBeUndefined();
  });

  it("pushes stixBundlePush bundles through the push queue", async () => {
    await gql(
      `mutation StixBundlePush($connectorId: String!, $bundle: String!, $work_id: String) { stixBundlePush(connectorId: $connectorId, bundle: $bundle, work_id: $work_id) }`,
      { connectorId, bundle: JSON.stringify({ type: "bundle", id: "bundle--2", objects: [ACME, EMOTET] }) },
    );
    const work = await fixture.platform.waitForWork(
      (w) => w.connectorId === connectorId && w.name?.startsWith("Broker test run @") === true,
    );
    expect(await fixture.platform.waitForWork(work.id)).toMatchObject({ expected: 2, completedNumber: 2 });
  });

  it("deleteConnector deletes both queues", async () => {
    await gql(`mutation ConnectorDeletionMutation($id: ID!) { deleteConnector(id: $id) }`, { id: connectorId });
    expect(await refuses((c) => c.checkQueue(push))).toMatch(/NOT_FOUND/);
    expect(await refuses((c) => c.checkQueue(`${prefix}_listen_${connectorId}`))).toMatch(/NOT_FOUND/);
  });

  it("stop() deletes the queues of connectors still registered and the prefixed exchanges", async () => {
    const other = `c${uniqueSuffix()}`;
    await gql(
      `mutation RegisterConnector($input: RegisterConnectorInput) { registerConnector(input: $input) { id } }`,
      {
        input: { id: other, name: "Leftover", type: "EXTERNAL_IMPORT" },
      },
    );
    expect(await messagesIn(`${prefix}_push_${other}`)).toBe(0);
    await fixture.platform.stop();
    await fixture.platform.stop();
    expect(await refuses((c) => c.checkQueue(`${prefix}_push_${other}`))).toMatch(/NOT_FOUND/);
    expect(await refuses((c) => c.checkExchange(`${prefix}_amqp.worker.exchange`))).toMatch(/NOT_FOUND/);
  });
});
