/**
 * The first connection to RabbitMQ (connector start-up): every failed attempt is one clear WARNING, and an address
 * that never answers is given up after the start-up deadline (5 min), not the 15 min reconnection bound. No broker
 * needed: nothing listens on 127.0.0.1:1, and `.invalid` host names never resolve.
 */
import { afterEach, describe, expect, it } from "vitest";
import { FakeClock } from "../../src/clock/fake-clock.js";
import { AmqpConnection, type AmqpConnectionOptions } from "../../src/delivery/amqp-connection.js";
import { DeliveryError } from "../../src/errors/delivery-error.js";
import { createMemoryLogger } from "../../src/logging/logger.js";
import { LOCAL_BROKER } from "../support/broker.js";
import { settle } from "../support/drive.js";

const PASSWORD = "s3cret-mq-pass-4711";
const HINT =
  "the broker address comes from the platform's registration: set MQ_HOST and MQ_PORT to an address this connector reaches, or use CONNECTOR_QUEUE_PROTOCOL=api";

const connections: AmqpConnection[] = [];
afterEach(async () => {
  for (const connection of connections.splice(0)) await connection.close();
});

function connectionTo(host: string, port: number, options: Partial<AmqpConnectionOptions> = {}) {
  const clock = new FakeClock(Date.parse("2026-02-12T00:00:00Z"));
  const logger = createMemoryLogger();
  const connection = new AmqpConnection({
    settings: { ...LOCAL_BROKER, host, port, user: "connector", pass: PASSWORD },
    clock,
    logger,
    random: () => 0.5,
    ...options,
  });
  connections.push(connection);
  return { clock, logger, connection };
}

describe("AmqpConnection at start-up", () => {
  it("logs every failed attempt at WARNING and gives up after the 5 min start-up deadline", async () => {
    const { clock, logger, connection } = connectionTo("127.0.0.1", 1);
    const started = clock.now();
    const error = await settle(connection.open(), clock).catch((e: unknown) => e);

    // Full jitter at 0.5: 0.5 s, 1 s, 2 s ... capped at 30 s; the 15th failure would wait past 300 s.
    const delays = [500, 1_000, 2_000, 4_000, 8_000, 16_000, ...Array<number>(8).fill(30_000)];
    let elapsed = 0;
    expect(logger.entries).toEqual(
      delays.map((delay, i) => {
        const entry = {
          level: "warn",
          name: "test",
          message: "Cannot connect to RabbitMQ, retrying",
          attributes: {
            endpoint: "amqp://127.0.0.1:1/%2F",
            host: "127.0.0.1",
            port: 1,
            phase: "start-up",
            code: "ECONNREFUSED",
            reason: "connect ECONNREFUSED 127.0.0.1:1",
            attempt: i + 1,
            max_attempts: 30,
            delay_ms: delay,
            gives_up_in_ms: 300_000 - elapsed,
            hint: HINT,
          },
        };
        elapsed += delay;
        return entry;
      }),
    );
    expect(clock.now() - started).toBe(271_500);
    expect(DeliveryError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ phase: "connect", host: "127.0.0.1", port: 1, attempts: 15, isRetryable: true });
    expect((error as Error).message).toBe(
      "amqp delivery failed (127.0.0.1:1): cannot connect to amqp://127.0.0.1:1/%2F after 15 attempt(s): " +
        "connect ECONNREFUSED 127.0.0.1:1",
    );
    expect(JSON.stringify(logger.entries)).not.toContain(PASSWORD);
  });

  it("names an unresolvable host, its error code and the MQ_HOST fix", async () => {
    const { clock, logger, connection } = connectionTo("rabbitmq.invalid", 5672, { maxAttempts: 2 });
    const error = await settle(connection.open(), clock).catch((e: unknown) => e);
    expect(DeliveryError.isInstance(error)).toBe(true);
    expect(logger.entries).toHaveLength(1);
    expect(logger.entries[0]?.attributes).toEqual({
      endpoint: "amqp://rabbitmq.invalid:5672/%2F",
      host: "rabbitmq.invalid",
      port: 5672,
      phase: "start-up",
      code: expect.stringMatching(/^(ENOTFOUND|EAI_AGAIN)$/),
      reason: expect.stringMatching(/^getaddrinfo (ENOTFOUND|EAI_AGAIN) rabbitmq\.invalid$/),
      attempt: 1,
      max_attempts: 2,
      delay_ms: 500,
      gives_up_in_ms: 300_000,
      hint: HINT,
    });
  });

  it("keeps the configured bound when asked (the CLI's --startup-timeout)", async () => {
    const { clock, logger, connection } = connectionTo("127.0.0.1", 1, { startupDeadlineMs: 3_000 });
    const error = await settle(connection.open(), clock).catch((e: unknown) => e);
    expect(logger.entries.map((e) => [e.attributes.delay_ms, e.attributes.gives_up_in_ms])).toEqual([
      [500, 3_000],
      [1_000, 2_500],
    ]);
    expect(error).toMatchObject({ attempts: 3 });
  });
});
