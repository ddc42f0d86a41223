import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { type Clock, noopLogger, systemClock } from "@org/opencti-connector-sdk";
import { SEEDED_MARKINGS } from "@org/stix2-types";
import { type RabbitMqConnection, redactedAmqpUrl, resolveAmqpConnection } from "../broker/amqp-settings.js";
import { Broker } from "../broker/broker.js";
import { PlatformOptionsError } from "../errors/platform-options-error.js";
import { buildExecutableSchema, type RequestContext } from "../graphql/executable-schema.js";
import { handleGraphqlRequest } from "../graphql/handle-graphql-request.js";
import { createResolvers } from "../graphql/resolvers.js";
import { loadSchemaSdl } from "../graphql/schema-source.js";
import { renderPage } from "../ui/render-page.js";
import { splitLikeWorker, validateStixObject } from "../worker/worker-defaults.js";
import { createHttpListener } from "./http-listener.js";
import { Platform } from "./platform.js";
import { PlatformEngine } from "./platform-engine.js";
import {
  DEFAULT_PLATFORM_VERSION,
  DEFAULT_USER,
  platformOptionsSchema,
  type StartPlatformOptions,
} from "./platform-options.js";

/**
 * Connection settings handed out when no broker is configured: only API push reaches the worker then, and a
 * connector set to `amqp` fails to connect with a host name that says why (`.invalid` never resolves).
 */
const NO_BROKER: RabbitMqConnection = {
  host: "no-broker.invalid",
  vhost: "/",
  use_ssl: false,
  port: 5672,
  user: "guest",
  pass: "guest",
};

/**
 * Starts an OpenCTI platform emulator: an HTTP server executing the platform's GraphQL schema with the
 * platform's semantics for everything a connector does, a worker, and an ingest store to assert on.
 *
 * @example
 * ```ts
 * const platform = await startPlatform({ amqp: { url: "amqp://guest:guest@127.0.0.1:5672" } });
 * // run a connector with OPENCTI_URL=platform.url and OPENCTI_TOKEN=platform.token, then:
 * const [work] = platform.works(connectorId);
 * await platform.waitForWork(work.id);
 * expect(platform.countsByType()).toEqual({ identity: 1, malware: 1 });
 * await platform.stop();
 * ```
 */
export async function startPlatform(options: StartPlatformOptions = {}): Promise<Platform> {
  const parsed = platformOptionsSchema.safeParse(options);
  if (!parsed.success) {
    throw new PlatformOptionsError(
      parsed.error.issues.map((i) => ({ option: i.path.join(".") || "options", message: i.message })),
    );
  }
  const clock: Clock = options.clock ?? systemClock;
  const logger = (options.logger ?? noopLogger).child({}, "opencti-testkit");
  const token = options.token ?? crypto.randomUUID();
  const user = options.user ?? DEFAULT_USER;
  const version = options.version ?? DEFAULT_PLATFORM_VERSION;
  const sdl = await loadSchemaSdl(options);

  let connection: RabbitMqConnection | null = null;
  let broker: Broker | undefined;
  if (options.amqp !== undefined) {
    const resolved = resolveAmqpConnection(options.amqp);
    if (typeof resolved === "string") throw new PlatformOptionsError([{ option: "amqp", message: resolved }]);
    connection = resolved;
    broker = new Broker({
      connection,
      queuePrefix: options.queuePrefix,
      queueType: options.queueType ?? "classic",
      managementUrl: options.managementUrl,
      estimatedMessageBytes: options.estimatedMessageBytes ?? 1_000,
      clock,
      logger,
    });
    try {
      await broker.start();
    } catch (error) {
      const message = `the broker at ${redactedAmqpUrl(connection)} did not answer (${(error as Error).message})`;
      throw new PlatformOptionsError([{ option: "amqp", message }], { cause: error });
    }
  }

  const engine = new PlatformEngine({
    clock,
    logger,
    connection: connection ?? NO_BROKER,
    queuePrefix: options.queuePrefix,
    broker,
    split: splitLikeWorker,
    validate: validateStixObject,
    references: options.references ?? "report",
    seededIds: SEEDED_MARKINGS.map((marking) => marking.id),
    workerPaused: options.workerPaused ?? false,
    callLogLimit: options.callLogLimit ?? 1_000,
  });
  const schema = buildExecutableSchema(
    sdl,
    createResolvers(engine, {
      version,
      user,
      connection: connection ?? NO_BROKER,
      queuePrefix: options.queuePrefix,
      activeWindowMs: options.activeWindowMs ?? 300_000,
      now: () => clock.now(),
    }),
  );

  const listener = createHttpListener({
    maxPayloadBytes: options.maxPayloadBytes ?? 50_000_000,
    logger,
    routes: {
      graphql: async (body, headers) => {
        const context: RequestContext = { authenticated: headers.authorization === `Bearer ${token}`, user };
        const answer = await handleGraphqlRequest(schema, body, context);
        engine.calls.add({
          at: new Date(clock.now()).toISOString(),
          operationName: answer.operationName,
          fields: answer.fields,
          variables: answer.variables,
          status: answer.status,
          userAgent: headers.userAgent ?? null,
          errorCodes: (answer.body.errors ?? []).map((e) => e.extensions.code),
        });
        return answer;
      },
      page: (search) =>
        renderPage({
          version,
          broker: connection ? redactedAmqpUrl(connection) : null,
          connectors: engine.connectors.list(),
          works: engine.works.list(),
          objects: engine.ingest.records(),
          countsByType: engine.ingest.countsByType(),
          dangling: engine.ingest.danglingReferences(),
          worker: engine.processor.stats,
          search,
        }),
    },
  });
  const server = createServer(listener);
  const host = options.host ?? "127.0.0.1";
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port ?? 0, host, () => resolve());
    });
  } catch (error) {
    await broker?.stop();
    throw new PlatformOptionsError([{ option: "port", message: `cannot listen (${(error as Error).message})` }], {
      cause: error,
    });
  }
  const address = server.address() as AddressInfo;
  const urlHost = address.family === "IPv6" ? `[${address.address}]` : address.address;

  const managerInterval = new AbortController();
  const managerPeriod = options.connectorManagerIntervalMs ?? 60_000;
  if (managerPeriod > 0) void runManager(engine, clock, managerPeriod, managerInterval.signal);

  logger.info("OpenCTI testkit emulator started", { url: `http://${urlHost}:${address.port}` });
  return new Platform({
    engine,
    server,
    broker,
    url: `http://${urlHost}:${address.port}`,
    token,
    connection,
    queuePrefix: options.queuePrefix,
    clock,
    cleanupOnStop: options.cleanupOnStop ?? true,
    managerInterval,
  });
}

async function runManager(engine: PlatformEngine, clock: Clock, periodMs: number, signal: AbortSignal) {
  try {
    for (;;) {
      await clock.sleep(periodMs, signal);
      engine.works.runManager();
    }
  } catch {
    // Aborted by stop().
  }
}
