import { TLP_GREEN, withDefaults } from "@org/stix2-types";
import { afterEach, describe, expect, it } from "vitest";
import type { GraphQLServer } from "../support/graphql-server.js";
import { CONNECTOR_ID } from "../support/platform-fixtures.js";
import { harness, START, WORK_ID } from "./connector-harness.js";
import { pingedStates, toProcessedCall, workCalls } from "./support/fake-platform.js";
import { FEED_AUTHOR, feedRecords } from "./support/test-feed-connector.js";

let server: GraphQLServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** What the test feed maps records to, preceded by the author and TLP:GREEN, as JSON would carry it. */
function expectedObjects(ips: readonly string[]): unknown {
  const stix = withDefaults({ createdBy: FEED_AUTHOR, markings: [TLP_GREEN], now: START });
  const mapped = ips.flatMap((value) => {
    const ip = stix.ipv4Address({ value });
    return [ip, stix.indicatorFor(ip, { valid_from: "2026-01-01T00:00:00.000Z" })];
  });
  return JSON.parse(JSON.stringify([FEED_AUTHOR, TLP_GREEN, ...mapped]));
}

describe("ExternalImportConnector in validation mode (CONNECTOR_VALIDATE_BEFORE_IMPORT)", () => {
  it("uploads each delivery to the workbench as <work id>.json, then numbered, publishes nothing and closes the work", async () => {
    const h = await harness();
    server = h.server;
    const connector = h.connector({
      env: { CONNECTOR_VALIDATE_BEFORE_IMPORT: "true" },
      // The sender the configuration asks for; the registration's broker host (rabbitmq) does not even resolve.
      options: { createSender: undefined },
    });
    expect((await h.drive(connector.run())).exitCode).toBe(0);

    expect(h.server.calls.map((c) => c.operationName)).toEqual([
      "healthCheck",
      "RegisterConnector",
      "PingConnector",
      "GetConnector",
      "GetConnector",
      "workAdd",
      "UploadPending",
      "PingConnector",
      "UploadPending",
      "PingConnector",
      "UploadPending",
      "PingConnector",
      "PingConnector",
      "workToProcessed",
      "PingConnector",
    ]);
    expect(workCalls(h.server)).toEqual([
      ["workAdd", { connectorId: CONNECTOR_ID, friendlyName: "Test Feed run @ 2026-02-12T22:00:00.000Z" }],
      toProcessedCall(
        WORK_ID,
        "Uploaded 6 records as 18 STIX objects in 3 batches to the workbench for validation",
        false,
      ),
    ]);
    for (const call of h.server.callsOf("UploadPending")) {
      expect(call.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
      expect({ ...call.variables, file: undefined }).toEqual({ entityId: null, file_markings: [], file: undefined });
      expect(call.files["variables.file"]).toBeInstanceOf(File);
    }
    expect(h.platform.uploads.map((u) => [u.name, u.type])).toEqual([
      [`${WORK_ID}.json`, "application/json"],
      [`${WORK_ID}_2.json`, "application/json"],
      [`${WORK_ID}_3.json`, "application/json"],
    ]);
    const ips = feedRecords(6).map((r) => r.ip);
    expect(h.platform.uploads.map((u) => JSON.parse(u.content))).toEqual([
      {
        type: "bundle",
        id: expect.stringMatching(/^bundle--[0-9a-f-]{36}$/),
        objects: expectedObjects(ips.slice(0, 2)),
      },
      {
        type: "bundle",
        id: expect.stringMatching(/^bundle--[0-9a-f-]{36}$/),
        objects: expectedObjects(ips.slice(2, 4)),
      },
      {
        type: "bundle",
        id: expect.stringMatching(/^bundle--[0-9a-f-]{36}$/),
        objects: expectedObjects(ips.slice(4, 6)),
      },
    ]);
    // The state advances as usual: the next run does not upload these records again.
    expect(pingedStates(h.server).at(-1)).toEqual({ offset: 6, last_run: "2026-02-12T22:00:00.000Z" });
    expect(h.platform.works).toEqual([expect.objectContaining({ expected: 0, processed: 0 })]);
    const messages = h.logger.entries.map((e) => e.message);
    expect(messages).toContain(
      "Validation mode: bundles are uploaded to the workbench for validation, nothing is imported directly",
    );
    expect(messages.filter((m) => /RabbitMQ/.test(m))).toEqual([]);
  });
});
