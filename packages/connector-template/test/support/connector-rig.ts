import { randomUUID } from "node:crypto";
import { Writable } from "node:stream";
import { type Platform, type StartPlatformOptions, startPlatform } from "@org/opencti-connector-testkit";
import { type FixtureServer, type FixtureServerOptions, startFixtureServer } from "../../dev/fixture-server.js";
import { TemplateConnector } from "../../src/index.js";

const discard = new Writable({ write: (_chunk, _encoding, done) => done() });

/** A platform emulator, a fixture feed and the environment of a run-and-terminate Template connector. */
export interface TemplateRig {
  platform: Platform;
  feed: FixtureServer;
  connectorId: string;
  /** Runs the connector once (a new instance, as a new process would) and resolves with its exit code. */
  run(env?: Record<string, string>): Promise<0 | 1>;
  /** Replaces the feed (same connector and platform), e.g. with more records. */
  serve(options: FixtureServerOptions): Promise<void>;
  close(): Promise<void>;
}

/** Starts the emulator (with `platform` options) and a fixture feed, and prepares runs of the connector. */
export async function templateRig(
  options: { platform?: StartPlatformOptions; feed?: FixtureServerOptions; queueProtocol?: "api" | "amqp" } = {},
): Promise<TemplateRig> {
  const platform = await startPlatform(options.platform ?? {});
  let feed = await startFixtureServer(options.feed ?? { rebaseTo: Date.now() });
  const connectorId = randomUUID();
  return {
    platform,
    get feed() {
      return feed;
    },
    connectorId,
    async run(env = {}) {
      const connector = new TemplateConnector({
        env: {
          ...platform.env(),
          CONNECTOR_ID: connectorId,
          CONNECTOR_RUN_AND_TERMINATE: "true",
          CONNECTOR_QUEUE_PROTOCOL: options.queueProtocol ?? "api",
          CONNECTOR_LOG_LEVEL: "error",
          TEMPLATE_API_BASE_URL: feed.url,
          TEMPLATE_API_KEY: feed.apiKey,
          ...env,
        },
        // No config.yml: the environment above is the whole configuration.
        cwd: "/nonexistent",
        // Failed runs are asserted through exit codes, works and state; their log lines would only be noise.
        logStream: discard,
      });
      return (await connector.run()).exitCode;
    },
    async serve(feedOptions) {
      await feed.close();
      feed = await startFixtureServer(feedOptions);
    },
    async close() {
      await feed.close();
      await platform.stop();
    },
  };
}
