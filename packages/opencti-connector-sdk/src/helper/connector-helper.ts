import type { ConnectorInfoInput, PingConnectorResult, RegisteredConnector } from "../api/types.js";
import type { Clock } from "../clock/clock.js";
import { systemClock } from "../clock/clock.js";
import { RetryExhaustedError } from "../errors/retry-exhausted-error.js";
import { StateResetError } from "../errors/state-reset-error.js";
import { UnsupportedPlatformError } from "../errors/unsupported-platform-error.js";
import { withRetry } from "../retry/retry.js";
import type { ConnectorHelperOptions, StateResetEvent } from "./connector-helper-types.js";
import { type ConnectorState, isRemoteReset, parseState, serializeState } from "./connector-state.js";
import { parsePlatformVersion, SUPPORTED_PLATFORM_RANGE, satisfiesRange } from "./platform-version.js";
import { buildRegistrationInput } from "./registration-input.js";

const DEFAULT_PING_INTERVAL_MS = 40_000;
const CHECKPOINT_ATTEMPTS = 3;

function copy(state: ConnectorState | null): ConnectorState | null {
  return state === null ? null : structuredClone(state);
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The equivalent of pycti's `OpenCTIConnectorHelper` lifecycle (spec §4): version check, registration, the ping
 * loop that persists the state, remote state resets, checkpoints and shutdown. The constructor does no I/O.
 *
 * - `start()`: `about` (retried until the start-up deadline), the version check (§4.5: a WARNING, or
 *   `UnsupportedPlatformError` before anything is registered with `failOnUnsupportedPlatform`), `registerConnector` with
 *   the input of §4.2; keeps the registration (broker settings, user id, stored state), pings at once, then every
 *   40 s (on the clock) with the JSON state and `connectorInfo`.
 * - State: `getState()`/`setState()` are in memory; the only writer on the platform is the ping. `checkpoint()`
 *   sets and pings (3 attempts) and resolves only once persisted.
 * - Remote reset (§4.3): when a ping returns another state than the one sent, the platform wins: the state is
 *   adopted, INFO `Connector state has been remotely reset` is logged, `stateGeneration` is bumped and
 *   `onStateReset` listeners are called.
 * - `stop()`: stops the loop, sends a final ping with the state, closes the API client. Idempotent. It never
 *   unregisters the connector (pycti's `stop()` does).
 * - `unregister()` (spec §4.6): explicit only; stops the loop and deletes the connector on the platform
 *   (`ConnectorDeletionMutation`), which also deletes its works, its state and both of its queues.
 *
 * @example
 * ```ts
 * const helper = new ConnectorHelper({ config, api, logger, secrets: logger.redactor });
 * const registration = await helper.start();
 * const generation = helper.stateGeneration;
 * await helper.checkpoint({ ...helper.getState(), last_run: now }, { generation });
 * await helper.stop();
 * ```
 */
export class ConnectorHelper {
  readonly #options: ConnectorHelperOptions;
  readonly #clock: Clock;
  readonly #loopAbort = new AbortController();
  readonly #resetListeners = new Set<(event: StateResetEvent) => void>();
  #info: ConnectorInfoInput;
  #state: ConnectorState | null = null;
  #generation = 0;
  #registration: RegisteredConnector | undefined;
  #platformVersion: string | undefined;
  #starting: Promise<RegisteredConnector> | undefined;
  #stopping: Promise<void> | undefined;
  #loop: Promise<void> | undefined;
  #pings: Promise<unknown> = Promise.resolve();

  constructor(options: ConnectorHelperOptions) {
    // Checked here so a bad range fails before anything is sent.
    if (options.supportVersion !== undefined) satisfiesRange([0, 0, 0], options.supportVersion);
    this.#options = options;
    this.#clock = options.clock ?? systemClock;
    this.#info = {
      run_and_terminate: options.config.connector.runAndTerminate,
      buffering: false,
      queue_threshold: options.config.connector.queueThreshold,
      queue_messages_size: 0,
      next_run_datetime: null,
      last_run_datetime: null,
    };
  }

  /**
   * The platform's registration answer, once started: broker settings (apply the `MQ_*` overrides with
   * `resolveAmqpConnection(registration.config.connection, config.mq)`), queue and exchange names (use them as
   * returned, never rebuild them), `connector_user_id` (the `applicant_id` of AMQP messages) and the stored state.
   */
  get registration(): RegisteredConnector | undefined {
    return this.#registration;
  }

  /** `about.version`, once started. */
  get platformVersion(): string | undefined {
    return this.#platformVersion;
  }

  /** Bumped by every remote state reset; pass it to {@link ConnectorHelper.checkpoint}. */
  get stateGeneration(): number {
    return this.#generation;
  }

  /** What the next ping reports as `connectorInfo`. */
  get connectorInfo(): Readonly<ConnectorInfoInput> {
    return { ...this.#info };
  }

  /** Health check, version check, registration, first ping, ping loop. Resolves with the registration. */
  start(): Promise<RegisteredConnector> {
    this.#starting ??= this.#start();
    return this.#starting;
  }

  async #start(): Promise<RegisteredConnector> {
    const { api, config, logger } = this.#options;
    const { version } = await api.about();
    this.#platformVersion = version;
    this.#checkVersion(version);
    const registration = await api.registerConnector(
      buildRegistrationInput(config, { playbookCompatible: this.#options.playbookCompatible ?? false }),
    );
    this.#options.secrets?.add(registration.config.connection.pass);
    this.#registration = registration;
    this.#state = parseState(registration.connector_state);
    logger.info("Connector registered with ID", { id: registration.id });
    if (this.#stopping) return registration;
    await this.#tick();
    this.#loop = this.#runLoop();
    return registration;
  }

  #checkVersion(version: string): void {
    const { logger } = this.#options;
    logger.info("OpenCTI platform version", { version });
    const parsed = parsePlatformVersion(version);
    if (parsed === undefined) {
      logger.warn("Cannot read the OpenCTI platform version; version checks skipped", { version });
      return;
    }
    const ranges = [
      { range: SUPPORTED_PLATFORM_RANGE, requiredBy: "sdk" as const },
      ...(this.#options.supportVersion === undefined
        ? []
        : [{ range: this.#options.supportVersion, requiredBy: "connector" as const }]),
    ];
    for (const { range, requiredBy } of ranges) {
      if (satisfiesRange(parsed, range)) continue;
      const error = new UnsupportedPlatformError({ platformVersion: version, requiredRange: range, requiredBy });
      if (this.#options.failOnUnsupportedPlatform ?? this.#options.config.connector.failOnUnsupportedPlatform) {
        throw error;
      }
      logger.warn(error.message, { version, required: range });
    }
  }

  async #runLoop(): Promise<void> {
    const interval = this.#options.pingIntervalMs ?? DEFAULT_PING_INTERVAL_MS;
    for (;;) {
      try {
        await this.#clock.sleep(interval, this.#loopAbort.signal);
      } catch {
        return;
      }
      await this.#tick();
    }
  }

  /** One loop ping: failures are logged, never fatal (the next tick retries). */
  async #tick(): Promise<void> {
    try {
      await this.#ping();
    } catch (error) {
      this.#options.logger.error("Error pinging the API", { reason: reasonOf(error) });
    }
  }

  /**
   * Sends one ping with the current state and info; pings never overlap, so replies compare with what was sent.
   * Every ping sent (loop, checkpoint attempt, forced, final) is reported to `onPingSuccess` or `onPingFailure`.
   */
  #ping(): Promise<PingConnectorResult> {
    const registration = this.#registration;
    if (registration === undefined)
      return Promise.reject(new Error("The connector is not registered: call start() first"));
    const send = async () => {
      const sent = copy(this.#state);
      let result: PingConnectorResult;
      try {
        result = await this.#options.api.pingConnector(registration.id, serializeState(sent), { ...this.#info });
      } catch (error) {
        this.#options.onPingFailure?.(error);
        throw error;
      }
      this.#options.onPingSuccess?.();
      if (isRemoteReset(sent, result.connector_state)) this.#adoptReset(parseState(result.connector_state));
      return result;
    };
    const ping = this.#pings.then(send, send);
    this.#pings = ping.catch(() => {});
    return ping;
  }

  #adoptReset(state: ConnectorState | null): void {
    this.#state = state;
    this.#generation += 1;
    this.#options.logger.info("Connector state has been remotely reset", { state });
    const event = { state: copy(state), generation: this.#generation };
    for (const listener of this.#resetListeners) listener(event);
  }

  /** A copy of the current state, `null` when there is none. */
  getState<T extends ConnectorState = ConnectorState>(): T | null {
    return copy(this.#state) as T | null;
  }

  /** Sets the state in memory; the next ping persists it (pycti's `set_state`). Use `checkpoint` to persist now. */
  setState(state: ConnectorState | null): void {
    this.#state = copy(state);
  }

  /** Pings now with the current state (adopting a remote reset); rejects with the ping's error. */
  forcePing(): Promise<PingConnectorResult> {
    return this.#ping();
  }

  /**
   * Sets the state and persists it with an immediate ping (up to 3 attempts); resolves only once the platform has
   * stored it (spec §4.4). Rejects with {@link StateResetError} when the state was reset remotely since
   * `options.generation` (or during this checkpoint): the reset wins and nothing derived from the old state is kept.
   */
  async checkpoint(state: ConnectorState, options: { generation?: number } = {}): Promise<void> {
    const expected = options.generation ?? this.#generation;
    if (expected !== this.#generation) {
      throw new StateResetError({ expectedGeneration: expected, currentGeneration: this.#generation });
    }
    this.#state = copy(state);
    await withRetry(() => this.#ping(), {
      operation: "PingConnector",
      clock: this.#clock,
      maxAttempts: CHECKPOINT_ATTEMPTS,
      classify: (error) => {
        const cause = RetryExhaustedError.isInstance(error) ? error.cause : error;
        const e = cause as { isRetryable?: unknown; retryAfterMs?: number };
        return { retryable: e?.isRetryable === true, retryAfterMs: e?.retryAfterMs };
      },
      onRetry: (event) =>
        this.#options.logger.warn("Checkpoint ping failed, retrying", {
          attempt: event.attempt,
          reason: reasonOf(event.error),
        }),
    });
    if (expected !== this.#generation) {
      throw new StateResetError({ expectedGeneration: expected, currentGeneration: this.#generation });
    }
  }

  /** Calls `listener` after each remote state reset. Returns a function that removes it. */
  onStateReset(listener: (event: StateResetEvent) => void): () => void {
    this.#resetListeners.add(listener);
    return () => this.#resetListeners.delete(listener);
  }

  /** Merges scheduler facts (buffering, queue size, run datetimes) into the next pings' `connectorInfo`. */
  updateConnectorInfo(info: Partial<ConnectorInfoInput>): void {
    this.#info = { ...this.#info, ...info };
  }

  /**
   * Deletes the connector on the platform (spec §4.6): stops the ping loop (no final ping: the state is deleted with
   * the connector), sends `ConnectorDeletionMutation` once (`deleteConnector(id)`, which needs `MODULES_MODMANAGE`)
   * and closes the API client. The platform deletes the connector, **all its works and both of its queues**
   * (messages not yet imported are lost). Never called by {@link ConnectorHelper.stop}; after it, `stop()` does
   * nothing. Rejects before `start()` resolved, after `stop()`, or with the deletion's error.
   */
  unregister(): Promise<void> {
    const registration = this.#registration;
    if (registration === undefined) {
      return Promise.reject(new Error("The connector is not registered: call start() first"));
    }
    if (this.#stopping) return Promise.reject(new Error("The helper is stopped: call unregister() instead of stop()"));
    const { api, logger } = this.#options;
    const unregistering = (async () => {
      this.#loopAbort.abort();
      await this.#loop;
      await this.#pings;
      try {
        await api.deleteConnector(registration.id);
        logger.info("Connector unregistered: the platform deleted it with its works and queues", {
          id: registration.id,
        });
      } finally {
        await api.close?.();
      }
    })();
    this.#stopping = unregistering.catch(() => {});
    return unregistering;
  }

  /**
   * Stops the ping loop, persists the state with a final ping and closes the API client. Idempotent; does nothing
   * after {@link ConnectorHelper.unregister}.
   */
  stop(): Promise<void> {
    this.#stopping ??= (async () => {
      this.#loopAbort.abort();
      await this.#loop;
      if (this.#registration !== undefined) await this.#tick();
      await this.#options.api.close?.();
    })();
    return this.#stopping;
  }
}
