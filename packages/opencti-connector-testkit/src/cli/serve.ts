import { redactedAmqpUrl } from "../broker/amqp-settings.js";
import type { Platform } from "../platform/platform.js";
import { startPlatform } from "../platform/start-platform.js";
import type { CliCommand } from "./cli-args.js";
import { stderrLogger } from "./stderr-logger.js";

/** `opencti-testkit serve`: starts the emulator, prints what a connector needs, runs until stopped. */
export async function serve(
  args: Extract<CliCommand, { command: "serve" }>,
  out: (line: string) => void,
): Promise<Platform> {
  const platform = await startPlatform({
    port: args.port,
    host: args.host,
    ...(args.token ? { token: args.token } : {}),
    ...(args.amqp ? { amqp: { url: args.amqp } } : {}),
    ...(args.queuePrefix ? { queuePrefix: args.queuePrefix } : {}),
    ...(args.version ? { version: args.version } : {}),
    ...(args.schemaPath ? { schemaPath: args.schemaPath } : {}),
    logger: stderrLogger(),
  });
  out(`OpenCTI testkit platform emulator listening on ${platform.url}`);
  out("Give your connector:");
  out(`  OPENCTI_URL=${platform.url}`);
  out(`  OPENCTI_TOKEN=${platform.token}`);
  out(
    platform.amqp
      ? `Broker: ${redactedAmqpUrl(platform.amqp)} (handed out at registration; the worker consumes the push queues)`
      : "No broker: set CONNECTOR_QUEUE_PROTOCOL=api (bundles go through stixBundlePush); --amqp adds RabbitMQ",
  );
  out(`Page: ${platform.url}/ (connectors, works, ingested objects)`);
  out("Press Ctrl-C to stop.");
  return platform;
}
