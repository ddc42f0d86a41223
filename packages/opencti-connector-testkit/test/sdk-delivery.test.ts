import {
  BundleSender,
  type BundleTransport,
  createOpenCtiClient,
  createTransports,
  type RegisteredConnector,
} from "@org/opencti-connector-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Platform, startPlatform } from "../src/index.js";
import { describeWithBroker, LOCAL_AMQP_URL } from "../src/vitest/index.js";
import { uniqueSuffix } from "./support/unique-suffix.js";

const describeBroker = await describeWithBroker();

const ACME = {
  type: "identity",
  spec_version: "2.1",
  id: "identity--542072da-8b33-50bf-810b-d9cfd2a0bc69",
  created: "2026-01-01T00:00:00.000Z",
  modified: "2026-01-01T00:00:00.000Z",
  name: "ACME Corp",
  identity_class: "organization",
};
const EMOTET = {
  type: "malware",
  spec_version: "2.1",
  id: "malware--36297121-bf18-56e1-b200-d39c9f9f5cee",
  created: "2026-01-01T00:00:00.000Z",
  modified: "2026-01-01T00:00:00.000Z",
  name: "Emotet",
  is_family: true,
  created_by_ref: ACME.id,
};
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
  const api = createOpenCtiClient({ url: platform.url, token: platform.token, startupDeadlineMs: 0 });
  const registration: RegisteredConnector = await api.registerConnector({
    id,
    name: "Delivery test",
    type: "EXTERNAL_IMPORT",
    scope: ["identity"],
    auto: false,
    auto_update: false,
    enrichment_resolution: "none",
    only_contextual: false,
    playbook_compatible: false,
    listen_callback_uri: null,
  });
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
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(() => platform.stop());

  it("pushes the whole bundle; the worker splits it and the work completes with every object", async () => {
    const { id, api, sender, close } = await connect(platform, "api");
    try {
      const workId = await api.workAdd(id, "Delivery test run");
      const result = await sender.sendBatch(BUNDLE, { workId });
      expect(result).toMatchObject({ sent: 1, objects: 3, expectations: 0 });
      await api.workToProcessed(workId, "done", false);
      const work = await platform.waitForWork(workId);
      expect(work).toMatchObject({ expected: 3, completedNumber: 3, errors: [] });
      expect(platform.calls({ operationName: "StixBundlePush" }).map((c) => c.variables.work_id)).toEqual([workId]);
      expect(platform.workerStats()).toMatchObject({ split: 1, imported: 3 });
    } finally {
      await close();
    }
  });
});

describeBroker("the SDK's sender over RabbitMQ", () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform({ amqp: { url: LOCAL_AMQP_URL }, queuePrefix: `tk${uniqueSuffix()}` });
  });
  afterAll(() => platform.stop());

  it("announces the expectations before publishing one-object messages the worker imports directly", async () => {
    const { id, api, sender, close } = await connect(platform, "amqp");
    try {
      const workId = await api.workAdd(id, "Delivery test run");
      const result = await sender.sendBatch(BUNDLE, { workId });
      expect(result).toMatchObject({ sent: 3, objects: 3, expectations: 3 });
      await api.workToProcessed(workId, "done", false);
      const work = await platform.waitForWork(workId);
      expect(work).toMatchObject({ expected: 3, completedNumber: 3, errors: [] });
      expect(platform.workerStats()).toMatchObject({ messages: 3, split: 0, imported: 3, rejected: 0 });
      expect(platform.objects({ workId }).map((o) => o.id)).toEqual([ACME.id, EMOTET.id, USES.id]);
      expect(platform.danglingReferences()).toEqual([]);
    } finally {
      await close();
    }
  });
});
