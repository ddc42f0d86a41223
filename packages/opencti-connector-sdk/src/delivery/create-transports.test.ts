import { describe, expect, it } from "vitest";
import { createMemoryLogger } from "../logging/logger.js";
import { AmqpTransport } from "./amqp-transport.js";
import { ApiTransport } from "./api-transport.js";
import { createTransports, type DeliverySettings } from "./create-transports.js";
import { DirectoryTransport } from "./directory-transport.js";
import { WorkbenchTransport } from "./workbench-transport.js";

const connector: DeliverySettings = {
  id: "5ed680de-75e2-4aa0-bec0-4e8e5a0d1695",
  name: "Feed",
  type: "EXTERNAL_IMPORT",
  scope: ["Indicator"],
  auto: false,
  validateBeforeImport: false,
  queueProtocol: "amqp",
  sendToQueue: true,
  sendToDirectory: false,
  sendToDirectoryRetentionDays: 7,
};
const registration = {
  config: {
    connection: { host: "rabbitmq", vhost: "/", use_ssl: true, port: 5671, user: "opencti", pass: "p" },
    push_exchange: "amqp.worker.exchange",
    push_routing: "push_routing_5ed680de-75e2-4aa0-bec0-4e8e5a0d1695",
  },
  connector_user_id: "88ec0c6a-13ce-5e39-b486-354fe4a7084f",
};
const api = { stixBundlePush: async () => true };

describe("createTransports", () => {
  it("chooses AMQP by default and warns when the broker's certificate is not verified", () => {
    const logger = createMemoryLogger();
    const transports = createTransports({ connector, registration, logger });
    expect(transports.map((t) => t.constructor)).toEqual([AmqpTransport]);
    expect(logger.entries.map((e) => [e.level, e.message, e.attributes])).toEqual([
      [
        "warn",
        "RabbitMQ's TLS certificate is not verified (MQ_USE_SSL_REJECT_UNAUTHORIZED is false)",
        { host: "rabbitmq", port: 5671 },
      ],
    ]);
  });

  it("chooses stixBundlePush for CONNECTOR_QUEUE_PROTOCOL=api, after the directory when enabled", () => {
    const transports = createTransports({
      connector: { ...connector, queueProtocol: "api", sendToDirectory: true, sendToDirectoryPath: "/tmp" },
      api,
    });
    expect(transports.map((t) => t.constructor)).toEqual([DirectoryTransport, ApiTransport]);
  });

  it("sends nothing to the platform when CONNECTOR_SEND_TO_QUEUE is false", () => {
    const transports = createTransports({
      connector: { ...connector, sendToQueue: false, sendToDirectory: true, sendToDirectoryPath: "/tmp" },
    });
    expect(transports.map((t) => t.kind)).toEqual(["directory"]);
    expect(createTransports({ connector: { ...connector, sendToQueue: false } })).toEqual([]);
  });

  it("needs the registration for AMQP and the client for API", () => {
    expect(() => createTransports({ connector })).toThrow(
      "amqp delivery failed: AMQP delivery needs the broker settings returned at registration",
    );
    expect(() => createTransports({ connector: { ...connector, queueProtocol: "api" } })).toThrow(
      "api delivery failed: API delivery needs the OpenCTI client",
    );
  });

  it("uploads to the workbench only in validation mode (no queue, no directory), as pycti", () => {
    const logger = createMemoryLogger();
    const uploading = { ...api, uploadPending: async () => ({ id: "import/pending/x.json", name: "x.json" }) };
    const validating = { ...connector, validateBeforeImport: true };
    const transports = createTransports({
      connector: { ...validating, sendToDirectory: true, sendToDirectoryPath: "/tmp" },
      registration,
      api: uploading,
      logger,
    });
    expect(transports.map((t) => t.constructor)).toEqual([WorkbenchTransport]);
    expect(logger.entries.map((e) => [e.level, e.message])).toEqual([
      [
        "warn",
        "CONNECTOR_VALIDATE_BEFORE_IMPORT is true: bundles go to the workbench only, no directory file is written",
      ],
      ["info", "Validation mode: bundles are uploaded to the workbench for validation, nothing is imported directly"],
    ]);
    expect(() => createTransports({ connector: validating, registration, api })).toThrow(
      "workbench delivery failed: validation mode (CONNECTOR_VALIDATE_BEFORE_IMPORT) needs the OpenCTI client",
    );
    // Without CONNECTOR_SEND_TO_QUEUE there is no work to name the file after: validation does not apply.
    expect(
      createTransports({ connector: { ...validating, sendToQueue: false }, api: uploading }).map((t) => t.kind),
    ).toEqual([]);
  });

  it("writes no files without a directory path, and says so", () => {
    const logger = createMemoryLogger();
    const transports = createTransports({ connector: { ...connector, sendToDirectory: true }, registration, logger });
    expect(transports.map((t) => t.kind)).toEqual(["amqp"]);
    expect(logger.entries[0]?.message).toBe(
      "CONNECTOR_SEND_TO_DIRECTORY is on but CONNECTOR_SEND_TO_DIRECTORY_PATH is empty: no files are written",
    );
  });
});
