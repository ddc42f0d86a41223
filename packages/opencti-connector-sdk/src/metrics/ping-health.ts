import type { Clock } from "../clock/clock.js";

/** What a health check reports; `startMetricsServer` answers `/healthz` with 200 when `healthy`, else 503. */
export interface HealthStatus {
  healthy: boolean;
  /** Extra fields of the JSON body (snake_case keys). */
  details?: Record<string, unknown>;
}

/** Options of {@link PingHealth}. */
export interface PingHealthOptions {
  clock: Clock;
  /**
   * How old the last successful ping may be for the connector to count as healthy. Default 120 000 ms (three
   * 40 s ping intervals); the platform itself marks a connector inactive after 5 minutes without a ping.
   */
  maxAgeMs?: number;
}

/**
 * Tracks ping outcomes for `/healthz`: healthy while the last successful ping is recent. Every ping calls
 * {@link PingHealth.recordSuccess} / {@link PingHealth.recordFailure}; the metrics server calls
 * {@link PingHealth.check}. Unhealthy before the first successful ping.
 */
export class PingHealth {
  readonly #clock: Clock;
  readonly #maxAgeMs: number;
  #lastSuccessAt: number | undefined;
  #lastFailure: { at: number; reason: string } | undefined;
  #consecutiveFailures = 0;

  constructor(options: PingHealthOptions) {
    this.#clock = options.clock;
    this.#maxAgeMs = options.maxAgeMs ?? 120_000;
  }

  recordSuccess(): void {
    this.#lastSuccessAt = this.#clock.now();
    this.#consecutiveFailures = 0;
  }

  /** `reason` must not contain secrets (it is served on `/healthz`). */
  recordFailure(reason: string): void {
    this.#lastFailure = { at: this.#clock.now(), reason };
    this.#consecutiveFailures++;
  }

  check(): HealthStatus {
    const now = this.#clock.now();
    const healthy = this.#lastSuccessAt !== undefined && now - this.#lastSuccessAt <= this.#maxAgeMs;
    return {
      healthy,
      details: {
        last_ping_success: this.#lastSuccessAt === undefined ? null : new Date(this.#lastSuccessAt).toISOString(),
        last_ping_error: this.#lastFailure
          ? { at: new Date(this.#lastFailure.at).toISOString(), reason: this.#lastFailure.reason }
          : null,
        consecutive_ping_failures: this.#consecutiveFailures,
        max_age_seconds: this.#maxAgeMs / 1000,
      },
    };
  }
}
