import { readFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { createServer, type Server } from "node:tls";
import { afterEach, describe, expect, it } from "vitest";
import { FakeClock } from "../../src/clock/fake-clock.js";
import type { AmqpTlsSettings } from "../../src/delivery/amqp-connection-settings.js";
import { AmqpTransport } from "../../src/delivery/amqp-transport.js";
import { DeliveryError } from "../../src/errors/delivery-error.js";
import { settle } from "../support/drive.js";

const FIXTURES = join(import.meta.dirname, "../fixtures/tls");

/**
 * A TLS endpoint with the test certificate for 127.0.0.1 that completes the TLS handshake, then hangs up as soon as
 * the AMQP protocol header arrives: enough to see what the transport verified and how it retries.
 */
async function tlsEndpoint(): Promise<{ server: Server; port: number; handshakes: () => number }> {
  const [cert, key] = await Promise.all([
    readFile(join(FIXTURES, "server.pem"), "utf8"),
    readFile(join(FIXTURES, "server.key"), "utf8"),
  ]);
  let handshakes = 0;
  const server = createServer({ cert, key }, (socket) => {
    handshakes++;
    socket.once("data", () => socket.destroy());
  });
  server.on("tlsClientError", () => undefined);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, port: (server.address() as AddressInfo).port, handshakes: () => handshakes };
}

let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

async function connectWith(tls: AmqpTlsSettings) {
  const endpoint = await tlsEndpoint();
  server = endpoint.server;
  const clock = new FakeClock(Date.parse("2026-02-12T00:00:00Z"));
  const transport = new AmqpTransport({
    connection: {
      host: "127.0.0.1",
      port: endpoint.port,
      vhost: "/",
      useSsl: true,
      user: "u",
      pass: "tls-pass-9",
      tls,
    },
    exchange: "amqp.worker.exchange",
    routingKey: "push_routing_x",
    applicantId: null,
    clock,
    random: () => 0.5,
    reconnectAttempts: 2,
  });
  const error = await settle(transport.start(), clock).catch((e: unknown) => e);
  await transport.close();
  return { error: error as DeliveryError, handshakes: endpoint.handshakes() };
}

describe("AMQPS connection", () => {
  it("verifies the broker against a CA given as a file path, then retries the failed AMQP handshake", async () => {
    const { error, handshakes } = await connectWith({ ca: join(FIXTURES, "ca.pem"), rejectUnauthorized: true });
    expect(DeliveryError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ phase: "connect", attempts: 2, isRetryable: true });
    expect(error.message).toContain("amqps://127.0.0.1:");
    expect(handshakes).toBe(2);
  });

  it("accepts the CA as PEM text", async () => {
    const ca = await readFile(join(FIXTURES, "ca.pem"), "utf8");
    const { handshakes } = await connectWith({ ca, rejectUnauthorized: true });
    expect(handshakes).toBe(2);
  });

  it("does not retry a certificate that fails verification", async () => {
    const { error, handshakes } = await connectWith({ rejectUnauthorized: true });
    expect(error).toMatchObject({ phase: "connect", attempts: 1, isRetryable: false });
    expect((error.cause as { code?: string }).code).toMatch(/CERT|SELF_SIGNED|UNABLE_TO/);
    expect(handshakes).toBe(0);
    expect(error.message).not.toContain("tls-pass-9");
  });

  it("skips verification when MQ_USE_SSL_REJECT_UNAUTHORIZED is false (the platform's default)", async () => {
    const { handshakes } = await connectWith({ rejectUnauthorized: false });
    expect(handshakes).toBe(2);
  });
});
