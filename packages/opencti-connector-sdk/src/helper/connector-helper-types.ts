import type { OpenCtiApi } from "../api/types.js";
import type { Clock } from "../clock/clock.js";
import type { BaseConnectorConfig } from "../config/connector-config.js";
import type { Logger } from "../logging/logger.js";
import type { ConnectorState } from "./connector-state.js";

/** Options of `ConnectorHelper`. */
export interface ConnectorHelperOptions {
  config: BaseConnectorConfig;
  /** The OpenCTI client; `stop()` and `unregister()` call its `close()` when it has one. */
  api: Pick<OpenCtiApi, "about" | "registerConnector" | "pingConnector" | "deleteConnector"> & {
    close?: () => Promise<void>;
  };
  logger: Logger;
  /** Default the system clock. */
  clock?: Clock;
  /** Default 40 000 ms (spec §4.3). */
  pingIntervalMs?: number;
  /** Sent at registration as `playbook_compatible`; default `false`. */
  playbookCompatible?: boolean;
  /** The platform versions the connector supports (its manifest's `support_version`, e.g. `>=6.8.12`). */
  supportVersion?: string;
  /**
   * Fail `start()` with `UnsupportedPlatformError` (before registering) instead of warning when the platform is
   * outside the supported range; default the configuration's `CONNECTOR_FAIL_ON_UNSUPPORTED_PLATFORM`.
   */
  failOnUnsupportedPlatform?: boolean;
  /** Receives secrets learnt at registration (the broker password), e.g. the logger's redactor. */
  secrets?: { add(...values: (string | undefined)[]): void };
  /**
   * Called after each successful ping (metrics, health): loop pings, every checkpoint attempt, `forcePing()` and the
   * final ping of `stop()` (spec §8.2 `ping_api`).
   */
  onPingSuccess?: () => void;
  /** Called after each failed ping of any kind, with the error (metrics, health; spec §8.2 `ping_api_errors`). */
  onPingFailure?: (error: unknown) => void;
}

/** Passed to state reset listeners. */
export interface StateResetEvent {
  /** The state adopted from the platform (`null` after a plain reset). */
  state: ConnectorState | null;
  /** The new state generation; checkpoints derived from an older one are refused. */
  generation: number;
}
