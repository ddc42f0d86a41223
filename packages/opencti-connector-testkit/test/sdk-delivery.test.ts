import {
  BundleSender,
  type BundleTransport,
  createTransports,
  type RegisteredConnector,
} from "@org/opencti-connector-sdk";
import { describe, expect, it } from "vitest";
import type { Platform } from "../src/index.js";
import { describeWithBroker, LOCAL_AMQP_URL } from "../src/vitest/index.js";
import { ACME, EMOTET, registerInput, sdkClient, usePlatform } from "./support/platform-fixture.js";
import { uniqueSuffix } from "./support/unique-suffix.js";

const describeBroker = await describeWithBroker();

const USES = {
  type: "relationship",
  spec_version: "2.1",
  id: "relationship--4d5e6f70-8192-4a3b-9c4d-5e6f70819203",
  created: "2026-01-01T00:00:00.000Z",
  modified: "2026-01-01T00:00:00.000Z",
  relationship_type: "related-to",
  source_ref: EMOTET.id,
  target_ref: ACME.id,
};
const BUNDLE = { type: "bundle", id: "bundle--0c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e", objects: [USES, EMOTET, ACME] };

/** Delivery settings as a connector's configuration gives them. */
const settings = (id: string, queueProtocol: "amqp" | "api") => ({
  id,
  name: "Delivery test",
  type: "EXTERNAL_IMPORT",
  scope: ["identity"],
  auto: false,
  validateBeforeImport: false,
  queueProtocol,
  sendToQueue: true,
  sendToDirectory: false,
  sendToDirectoryRetentionDays: 7,
});

async function connect(platform: Platform, queueProtocol: "amqp" | "api") {
  const id = crypto.randomUUID();
  const api = sdkClient(platform);
  const registration: RegisteredConnector = await api.registerConnector(registerInput(id, "Delivery test"));
  const transports: BundleTransport[] = createTransports({ connector: settings(id, queueProtocol), registration, api });
  for (const transport of transports) await transport.start();
  const sender = new BundleSender({ transports, api });
  return {
    id,
    api,
    sender,
    close: async () => {
      for (const transport of transports) await transport.close();
      await api.close();
    },
  };
}

describe("the SDK's sender through stixBundlePush (API push, in-memory worker)", () => {
  const fixture = usePlatform();

  it("pushes the whole bundle; the worker splits it and the work completes with every object", async () => {
    const { id, api, sender, close } = await connect(fixture.platform, "api");
    try {
      const workId = await api.workAdd(id, "Delivery test run");
      const result = await sender.sendBatch(BUNDLE, { workId });
      expect(result).toMatchObject({ sent: 1, objects: 3, expectations: 0 });
      await api.workToProcessed(workId, "done", false);
      const work = await fixture.platform.waitForWork(workId);
      expect(work).toMatchObject({ expected: 3, completedNumber: 3, errors: [] });
      expect(fixture.platform.calls({ operationName: "StixBundlePush" }).map((c) => c.variables.work_id)).toEqual([
        workId,
      ]);
      expect(fixture.platform.workerStats()).toMatchObject({ split: 1, imported: 3 });
    } finally {
      await close();
    }
  });
});

describeBroker("the SDK's sender over RabbitMQ", () => {
  const fixture = usePlatform({ amqp: { url: LOCAL_AMQP_URL }, queuePrefix: `tk${uniqueSuffix()}` });

  it("announces the expectations before publishing one-object messages the worker imports directly", async () => {
    const { id, api, sender, close } = await connect(fixture.platform, "amqp");
    try {
      const workId = await api.workAdd(id, "Delivery test run");
      const result = await sender.sendBatch(BUNDLE, { workId });
      expect(result).toMatchObject({ sent: 3, objects: 3, expectations: 3 });
      await api.workToProcessed(workId, "done", false);
      const work = await fixture.platform.waitForWork(workId);
      expect(work).toMatchObject({ expected: 3, completedNumber: 3, errors: [] });
      expect(fixture.platform.workerStats()).toMatchObject({ messages: 3, split: 0, imported: 3, rejected: 0 });
      expect(fixture.platform.objects({ workId }).map((o) => o.id)).toEqual([ACME.id, EMOTET.id, USES.id]);
      expect(fixture.platform.danglingReferences()).toEqual([]);
    } finally {
      await close();
    }
  });
});
