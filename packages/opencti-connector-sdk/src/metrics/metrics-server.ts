import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type Logger, noopLogger } from "../logging/logger.js";
import type { HealthStatus } from "./ping-health.js";
import type { MetricsSource } from "./prometheus-connector-metrics.js";

/** Options of {@link startMetricsServer}. */
export interface MetricsServerOptions {
  /** `CONNECTOR_METRICS_PORT`; 0 picks a free port (tests). */
  port: number;
  /** Default `0.0.0.0` (spec §8.2). */
  host?: string;
  /** Usually a `PrometheusConnectorMetrics` (or any prom-client `Registry`). */
  metrics: MetricsSource;
  /** Answers `/healthz`, e.g. `() => pingHealth.check()`. */
  health: () => HealthStatus | Promise<HealthStatus>;
  logger?: Logger;
}

/** A running metrics server. */
export interface MetricsServer {
  /** The bound port (the real one when 0 was asked). */
  readonly port: number;
  readonly host: string;
  /** Closes the server and its open connections; idempotent. */
  stop(): Promise<void>;
}

/**
 * Serves the Prometheus text exposition on `/metrics` and `/`, and `/healthz` as JSON
 * (`{"status":"ok"|"unhealthy", ...details}`, 200 when healthy, else 503). Only `GET` and `HEAD` are accepted.
 * Resolves once listening; rejects when the port cannot be bound.
 */
export async function startMetricsServer(options: MetricsServerOptions): Promise<MetricsServer> {
  const host = options.host ?? "0.0.0.0";
  const logger = options.logger ?? noopLogger;
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    if (request.method !== "GET" && request.method !== "HEAD") {
      reply(response, 405, "text/plain; charset=utf-8", "Method Not Allowed\n", { Allow: "GET, HEAD" });
      return;
    }
    const head = request.method === "HEAD";
    const handle = async () => {
      if (path === "/metrics" || path === "/") {
        reply(response, 200, options.metrics.contentType, head ? "" : await options.metrics.metrics());
      } else if (path === "/healthz") {
        let status: HealthStatus;
        try {
          status = await options.health();
        } catch (error) {
          status = { healthy: false, details: { error: error instanceof Error ? error.message : String(error) } };
        }
        const body = JSON.stringify({ status: status.healthy ? "ok" : "unhealthy", ...status.details });
        reply(response, status.healthy ? 200 : 503, "application/json", head ? "" : body);
      } else {
        reply(response, 404, "text/plain; charset=utf-8", "Not Found\n");
      }
    };
    handle().catch((error: unknown) => {
      logger.error("Metrics endpoint failed", { path, error });
      if (!response.headersSent) reply(response, 500, "text/plain; charset=utf-8", "Internal Server Error\n");
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  logger.info("Exposing metrics on port", { port });
  let stopped: Promise<void> | undefined;
  return {
    port,
    host,
    stop: () => {
      stopped ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return stopped;
    },
  };
}

function reply(
  response: ServerResponse,
  status: number,
  contentType: string,
  body: string,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { "Content-Type": contentType, ...headers });
  response.end(body);
}
