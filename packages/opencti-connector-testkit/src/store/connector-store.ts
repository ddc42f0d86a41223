import type { Clock, ConnectorInfoInput } from "@org/opencti-connector-sdk";

/** The `ConnectorInfo` a ping reports (scheduler information), as the SDK sends it. */
export type ConnectorInfo = ConnectorInfoInput;

/** What `registerConnector` receives (`RegisterConnectorInput`). */
export interface ConnectorRegistration {
  id: string;
  name: string;
  type: string;
  scope?: readonly string[] | null;
  auto?: boolean | null;
  auto_update?: boolean | null;
  enrichment_resolution?: string | null;
  only_contextual?: boolean | null;
  playbook_compatible?: boolean | null;
  listen_callback_uri?: string | null;
}

/** A connector as the emulator stores it (read-only snapshot). */
export interface ConnectorSnapshot {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  /** Stored comma-joined by the platform, returned as a list; `null` when empty. */
  readonly scope: readonly string[] | null;
  readonly auto: boolean | null;
  readonly autoUpdate: boolean | null;
  readonly enrichmentResolution: string | null;
  readonly onlyContextual: boolean | null;
  readonly playbookCompatible: boolean;
  readonly listenCallbackUri: string | null;
  /** The opaque state string, written only by pings. */
  readonly state: string | null;
  /** A reset made through the test API is pending: the next ping ignores the sent state. */
  readonly stateReset: boolean;
  readonly info: ConnectorInfo | null;
  readonly userId: string;
  readonly createdAt: string;
  /** Refreshed by registration and pings (not by a ping that consumes a reset, as on the platform). */
  readonly updatedAt: string;
  /** Time of the last ping, reset-consuming or not (`null` before the first). */
  readonly lastPingAt: string | null;
  readonly registrations: number;
  readonly pings: number;
}

type ConnectorRecord = { -readonly [K in keyof ConnectorSnapshot]: ConnectorSnapshot[K] };

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Connectors and their stored state, with the platform's rules: registration is idempotent and keeps the state,
 * the state is written only by pings, and a pending reset makes the next ping return `""` and ignore its state.
 */
export class ConnectorStore {
  readonly #clock: Clock;
  readonly #connectors = new Map<string, ConnectorRecord>();
  readonly #onChange: (connector: ConnectorSnapshot) => void;

  constructor(options: { clock: Clock; onChange?: (connector: ConnectorSnapshot) => void }) {
    this.#clock = options.clock;
    this.#onChange = options.onChange ?? (() => {});
  }

  /** Creates the connector, or patches it keeping its state, info and creation date. */
  register(input: ConnectorRegistration, userId: string): ConnectorSnapshot {
    const now = iso(this.#clock.now());
    const existing = this.#connectors.get(input.id);
    const patch = {
      name: input.name,
      type: input.type,
      scope: input.scope && input.scope.length > 0 ? [...input.scope] : null,
      auto: input.auto ?? null,
      autoUpdate: input.auto_update ?? null,
      enrichmentResolution: input.enrichment_resolution ?? null,
      onlyContextual: input.only_contextual ?? null,
      playbookCompatible: input.playbook_compatible ?? false,
      listenCallbackUri: input.listen_callback_uri ?? null,
      userId,
      updatedAt: now,
    };
    const record: ConnectorRecord = existing
      ? Object.assign(existing, patch, { registrations: existing.registrations + 1 })
      : {
          id: input.id,
          ...patch,
          state: null,
          stateReset: false,
          info: null,
          createdAt: now,
          lastPingAt: null,
          registrations: 1,
          pings: 0,
        };
    this.#connectors.set(input.id, record);
    return this.#emit(record);
  }

  /**
   * Applies a ping. With a pending reset the sent state is ignored and the flag cleared; otherwise the state and
   * `updated_at` are stored. The connector info is stored in both cases. Returns `undefined` for an unknown id.
   */
  ping(id: string, state: string | null, info: ConnectorInfo | null): ConnectorSnapshot | undefined {
    const record = this.#connectors.get(id);
    if (!record) return undefined;
    const now = iso(this.#clock.now());
    if (record.stateReset) {
      record.stateReset = false;
    } else {
      record.state = state;
      record.updatedAt = now;
    }
    if (info) record.info = { ...info };
    record.lastPingAt = now;
    record.pings += 1;
    return this.#emit(record);
  }

  /** The platform's `resetStateConnector`: state `""` and a pending reset. */
  resetState(id: string): ConnectorSnapshot | undefined {
    const record = this.#connectors.get(id);
    if (!record) return undefined;
    record.state = "";
    record.stateReset = true;
    return this.#emit(record);
  }

  get(id: string): ConnectorSnapshot | undefined {
    const record = this.#connectors.get(id);
    return record ? snapshot(record) : undefined;
  }

  list(): ConnectorSnapshot[] {
    return [...this.#connectors.values()].map(snapshot);
  }

  delete(id: string): boolean {
    return this.#connectors.delete(id);
  }

  #emit(record: ConnectorRecord): ConnectorSnapshot {
    const copy = snapshot(record);
    this.#onChange(copy);
    return copy;
  }
}

function snapshot(record: ConnectorRecord): ConnectorSnapshot {
  return Object.freeze({
    ...record,
    scope: record.scope ? Object.freeze([...record.scope]) : null,
    info: record.info ? Object.freeze({ ...record.info }) : null,
  });
}
