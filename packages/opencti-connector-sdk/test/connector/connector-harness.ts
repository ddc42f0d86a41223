import { FakeClock } from "../../src/clock/fake-clock.js";
import type { ExternalImportConnectorOptions } from "../../src/connector/connector-options.js";
import { createMemoryLogger, type MemoryLogger } from "../../src/logging/logger.js";
import { settle } from "../support/drive.js";
import type { GraphQLServer } from "../support/graphql-server.js";
import { CONNECTOR_ID, TEST_TOKEN } from "../support/platform-fixtures.js";
import { type FakePlatformState, startFakePlatform } from "./support/fake-platform.js";
import { MemorySender } from "./support/memory-sender.js";
import { type FeedHooks, type FeedRecord, feedRecords, TestFeedConnector } from "./support/test-feed-connector.js";

/** Start of every test's fake clock. */
export const START = Date.parse("2026-02-12T22:00:00.000Z");
/** The work id the fake platform gives the first run's work. */
export const WORK_ID = `work_${CONNECTOR_ID}_2026-02-12T22:00:00.000Z`;
/** Longer than any test: the 40 s ping loop never fires on its own. */
export const NEVER_MS = 7 * 24 * 3_600_000;

/** What a test needs around one connector on the fake platform. */
export interface Harness {
  server: GraphQLServer;
  platform: FakePlatformState;
  clock: FakeClock;
  logger: MemoryLogger;
  sender: MemorySender;
  env: Record<string, string>;
  /** Creates a connector on this platform (a new process, for resumption tests). */
  connector(options?: {
    feed?: readonly FeedRecord[];
    batchSize?: number;
    hooks?: FeedHooks;
    env?: Record<string, string>;
    options?: ExternalImportConnectorOptions;
  }): TestFeedConnector;
  /**
   * Awaits `promise` while real I/O runs, resolving each clock sleep of at most 10 s (retry waits) once it is the
   * earliest; the 30 s shutdown grace period, the week-long ping interval, 5 min work pings, 300 s request
   * timeouts and hour-long schedule waits are left alone (a test advances the clock past them itself).
   */
  drive<T>(promise: Promise<T>): Promise<T>;
  /** Drives until `predicate` holds. */
  until(predicate: () => boolean): Promise<void>;
}

/**
 * Starts a fake platform and prepares run-and-terminate connectors for it, with the in-memory sender, or with the
 * sender built from the configuration when `broker` gives a real push topology (the registration then advertises
 * a Docker-only broker host that the `MQ_*` variables override).
 */
export async function harness(
  options: {
    state?: string | null;
    broker?: { exchange: string; routingKey: string; queue: string };
    /** `about.version` (default `6.9.17`). */
    version?: string;
  } = {},
): Promise<Harness> {
  const clock = new FakeClock(START);
  const { server, platform } = await startFakePlatform({
    state: options.state ?? null,
    at: () => clock.now(),
    ...(options.version === undefined ? {} : { version: options.version }),
  });
  const logger = createMemoryLogger("Test Feed");
  const sender = new MemorySender();
  const env: Record<string, string> = {
    OPENCTI_URL: server.url,
    OPENCTI_TOKEN: TEST_TOKEN,
    CONNECTOR_ID,
    CONNECTOR_RUN_AND_TERMINATE: "true",
    CONNECTOR_LOG_LEVEL: "info",
  };
  const broker = options.broker;
  if (broker) {
    const config = platform.registration.config;
    config.push_exchange = broker.exchange;
    config.push_routing = broker.routingKey;
    config.push = broker.queue;
    Object.assign(env, { MQ_HOST: "127.0.0.1", MQ_USER: "guest", MQ_PASS: "guest" });
  }
  return {
    server,
    platform,
    clock,
    logger,
    sender,
    env,
    connector: (c = {}) =>
      new TestFeedConnector(
        c.feed ?? feedRecords(6),
        c.batchSize ?? 2,
        {
          env: { ...env, ...c.env },
          cwd: "/nonexistent",
          clock,
          logger,
          ...(broker ? {} : { createSender: sender.factory }),
          pingIntervalMs: NEVER_MS,
          random: () => 0.5,
          ...c.options,
        },
        c.hooks,
      ),
    drive: (promise) => settle(promise, clock, { maxStepMs: 10_000 }),
    until: (predicate) =>
      settle(
        (async () => {
          while (!predicate()) await new Promise((resolve) => setTimeout(resolve, 1));
        })(),
        clock,
        { maxStepMs: 10_000 },
      ),
  };
}
