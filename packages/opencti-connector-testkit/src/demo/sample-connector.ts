import {
  BundleSender,
  ConnectorHelper,
  createLogger,
  createOpenCtiClient,
  createTransports,
  defineConnectorConfig,
  resolveConnectorConfig,
  systemClock,
} from "@org/opencti-connector-sdk";
import { z } from "zod";
import type { DemoConnector } from "./run-demo.js";
import sample from "./sample-sectors.json" with { type: "json" };

/** The sample connector's configuration: the base variables only. */
const definition = defineConnectorConfig({
  namespace: "sectorssample",
  schema: z.object({}),
  connector: { type: "EXTERNAL_IMPORT", name: "OpenCTI sectors sample", scope: ["identity"], durationPeriod: "PT1H" },
});

/**
 * A tiny external-import connector built on the SDK's public API, run by `opencti-testkit demo` when no other
 * connector is given: it registers with the `ConnectorHelper`, opens a work, sends a sample of the OpenCTI sectors
 * dataset with the SDK's `BundleSender` (RabbitMQ or `stixBundlePush`, as `CONNECTOR_QUEUE_PROTOCOL` says),
 * checkpoints its state once the batch is confirmed, closes the work and stops.
 */
export const sampleConnector: DemoConnector = {
  name: "OpenCTI sectors sample",
  async run(env) {
    const { config, secrets } = resolveConnectorConfig(definition, { env, cwd: process.cwd() });
    const logger = createLogger({
      name: config.connector.name,
      level: config.connector.logLevel,
      json: config.opencti.jsonLogging,
      secrets,
    });
    const api = createOpenCtiClient({ url: config.opencti.url, token: config.opencti.token, logger });
    const helper = new ConnectorHelper({ config, api, logger, secrets: logger.redactor });
    const registration = await helper.start();
    const transports = createTransports({ connector: config.connector, registration, mq: config.mq, api, logger });
    try {
      for (const transport of transports) await transport.start();
      const sender = new BundleSender({ transports, api, logger });
      const startedAt = new Date(systemClock.now()).toISOString();
      const workId = await api.workAdd(config.connector.id, `${config.connector.name} run @ ${startedAt}`);
      try {
        const { objects } = await sender.sendBatch(sample, { workId });
        await helper.checkpoint({ last_run: startedAt, objects_sent: objects });
        await api.workToProcessed(workId, `${objects} objects sent`, false);
      } catch (error) {
        await api.workToProcessed(workId, `${(error as Error).name}: ${(error as Error).message}`, true);
        throw error;
      }
    } finally {
      for (const transport of transports) await transport.close();
      await helper.stop();
      await logger.flush();
    }
  },
};
