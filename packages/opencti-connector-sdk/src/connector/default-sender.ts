import { BundleSender } from "../delivery/bundle-sender.js";
import { createTransports } from "../delivery/create-transports.js";
import type { BatchSender } from "./batch-sender.js";
import type { SenderSetup } from "./connector-options.js";

/**
 * The sender the configuration asks for (spec §6): a directory when `CONNECTOR_SEND_TO_DIRECTORY`, then RabbitMQ
 * (registration's broker settings with the `MQ_*` overrides) or `stixBundlePush` unless
 * `CONNECTOR_SEND_TO_QUEUE=false`; the workbench alone with `CONNECTOR_VALIDATE_BEFORE_IMPORT` (spec §6.4, see
 * `createTransports`). Connects at start-up, so an unreachable broker fails start-up with a
 * `DeliveryError`. Counts `bundles_sent` and `records_sent` as messages are confirmed; an unroutable message
 * forces a ping (the platform then re-declares its queues).
 */
export async function createDefaultSender(setup: SenderSetup): Promise<BatchSender> {
  const { config, registration, api, logger, clock, metrics } = setup;
  const transports = createTransports({
    connector: config.connector,
    registration,
    mq: config.mq,
    api,
    clock,
    logger,
    amqp: {
      onUnroutable: async () => {
        await setup.forcePing();
      },
    },
  });
  const close = async () => {
    for (const transport of transports) await transport.close();
  };
  try {
    for (const transport of transports) await transport.start();
  } catch (error) {
    await close();
    throw error;
  }
  const sender = new BundleSender({
    transports,
    api,
    logger,
    onSent: ({ messages, objects }) => {
      metrics.incBundlesSent(messages);
      metrics.incRecordsSent(objects);
    },
  });
  return {
    send: async (objects, options) => {
      // Exactly a BatchDelivery: the sender's own object count (objects on the platform's queue, none for files or
      // workbench uploads) must not stand for the objects the run delivered.
      const { sent, expectations, warnings } = await sender.sendBatch(objects, {
        workId: options.workId,
        signal: options.signal,
      });
      return { sent, expectations, warnings };
    },
    close,
  };
}
