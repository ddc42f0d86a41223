import {
  ConnectorHelper,
  createLogger,
  createOpenCtiClient,
  defineConnectorConfig,
  resolveConnectorConfig,
  splitBundle,
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
 * connector is given: it registers with the `ConnectorHelper`, opens a work, splits a sample of the OpenCTI
 * sectors dataset, announces the pieces (`addExpectations`) before pushing them one by one, checkpoints its state,
 * closes the work and stops. Announcing first means the work cannot complete before the last piece is imported.
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
    await helper.start();
    try {
      const startedAt = new Date(systemClock.now()).toISOString();
      const workId = await api.workAdd(config.connector.id, `${config.connector.name} run @ ${startedAt}`);
      try {
        const { bundles, expectations } = splitBundle(sample);
        await api.addExpectations(workId, expectations);
        for (const piece of bundles) await api.stixBundlePush(config.connector.id, JSON.stringify(piece), workId);
        await helper.checkpoint({ last_run: startedAt, objects_sent: expectations });
        await api.workToProcessed(workId, `${expectations} objects sent`, false);
      } catch (error) {
        await api.workToProcessed(workId, `${(error as Error).name}: ${(error as Error).message}`, true);
        throw error;
      }
    } finally {
      await helper.stop();
      await logger.flush();
    }
  },
};
