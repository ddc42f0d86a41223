import type { Clock } from "@org/opencti-connector-sdk";

/** The platform's work statuses (`State`). There is no failed status: a failed work is complete with errors. */
export type WorkStatus = "wait" | "progress" | "complete" | "timeout";

/** One entry of a work's `messages` or `errors`. */
export interface WorkMessage {
  readonly timestamp: string;
  readonly message: string | null;
  readonly sequence: number | null;
  readonly source: string | null;
}

/** A work as the emulator stores it (read-only snapshot). */
export interface WorkSnapshot {
  /** `work_<connector id>_<ISO timestamp with milliseconds>`. */
  readonly id: string;
  readonly connectorId: string;
  readonly name: string | null;
  readonly userId: string;
  readonly timestamp: string;
  readonly status: WorkStatus;
  readonly eventSourceId: string | null;
  readonly receivedTime: string | null;
  readonly processedTime: string | null;
  readonly completedTime: string | null;
  /** Set when the work completes: processed items, or 1 when `toProcessed` completed a work with nothing counted. */
  readonly completedNumber: number;
  /** `import_expected_number`: the sum of `addExpectations`. */
  readonly expected: number;
  /** `import_processed_number`: one per `reportExpectation`, with or without error. */
  readonly processed: number;
  readonly lastProcessed: string | null;
  readonly messages: readonly WorkMessage[];
  readonly errors: readonly WorkMessage[];
  readonly draftContext: string | null;
  readonly updatedAt: string;
}

type WorkRecord = {
  -readonly [K in keyof WorkSnapshot]: WorkSnapshot[K] extends readonly (infer T)[] ? T[] : WorkSnapshot[K];
};

/** The platform keeps at most this many item errors on a work. */
export const MAX_WORK_ERRORS = 100;
const DAY_MS = 86_400_000;

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Works and their counters with the platform's completion rules (spec §5.2): a `reportExpectation` that makes
 * processed equal expected completes the work; `toProcessed` completes it only when nothing is expected or
 * everything expected was reported. Edits of a missing work are ignored (the platform only logs a warning).
 */
export class WorkStore {
  readonly #clock: Clock;
  readonly #works = new Map<string, WorkRecord>();
  /** Per connector, the last work that received a `reportExpectation` (the platform's `work:<connector id>`). */
  readonly #lastReported = new Map<string, string>();
  readonly #onChange: (work: WorkSnapshot, deleted: boolean) => void;

  constructor(options: { clock: Clock; onChange?: (work: WorkSnapshot, deleted: boolean) => void }) {
    this.#clock = options.clock;
    this.#onChange = options.onChange ?? (() => {});
  }

  /**
   * Opens a work for a connector. `workAdd` and `stixBundlePush` pass a received time, so the work starts in
   * `progress`; without one it waits. Two works of a connector opened in the same millisecond get the next free
   * millisecond, so ids stay unique.
   */
  create(args: {
    connectorId: string;
    name: string | null;
    userId: string;
    eventSourceId: string | null;
    received: boolean;
  }): WorkSnapshot {
    let at = this.#clock.now();
    while (this.#works.has(workId(args.connectorId, at))) at += 1;
    // One instant for the id, the timestamp and the received time, as the platform's workAdd does.
    const now = iso(at);
    const record: WorkRecord = {
      id: workId(args.connectorId, at),
      connectorId: args.connectorId,
      name: args.name,
      userId: args.userId,
      timestamp: iso(at),
      status: args.received ? "progress" : "wait",
      eventSourceId: args.eventSourceId,
      receivedTime: args.received ? now : null,
      processedTime: null,
      completedTime: null,
      completedNumber: 0,
      expected: 0,
      processed: 0,
      lastProcessed: null,
      messages: [],
      errors: [],
      draftContext: null,
      updatedAt: now,
    };
    this.#works.set(record.id, record);
    return this.#emit(record);
  }

  /** `toReceived`: status `progress`, received time, optional message. */
  toReceived(id: string, message: string | null): void {
    this.#edit(id, (work, now) => {
      work.status = "progress";
      work.receivedTime = now;
      if (message) work.messages.push(entry(now, message));
    });
  }

  /** `toProcessed`: completes the work when nothing is expected or all is reported; the message goes to messages or errors. */
  toProcessed(id: string, message: string | null, inError: boolean): void {
    this.#edit(id, (work, now) => {
      work.processedTime = now;
      if (work.expected === 0 || work.processed === work.expected) {
        complete(work, now, work.processed > 0 ? work.processed : 1);
      }
      if (message) (inError ? work.errors : work.messages).push(entry(now, message));
    });
  }

  /** `addExpectations(n)`: adds to the expected count. */
  addExpectations(id: string, expectations: number): void {
    this.#edit(id, (work, now) => {
      work.expected += expectations;
      work.updatedAt = now;
    });
  }

  /** `reportExpectation(error?)`: counts one item; completes the work when processed reaches expected. */
  reportExpectation(id: string, error: { error?: string | null; source?: string | null } | null): void {
    this.#edit(id, (work, now) => {
      work.processed += 1;
      work.lastProcessed = now;
      this.#lastReported.set(work.connectorId, work.id);
      if (work.processed === work.expected) complete(work, now, work.processed);
      if (error && work.errors.length < MAX_WORK_ERRORS) {
        work.errors.push({
          timestamp: now,
          message: error.error ?? null,
          sequence: null,
          source: error.source ?? null,
        });
      }
    });
  }

  /** `ping`: refreshes `updated_at` only. */
  ping(id: string): void {
    this.#edit(id, (work, now) => {
      work.updatedAt = now;
    });
  }

  /** `addDraftContext`. */
  addDraftContext(id: string, draftContext: string | null): void {
    this.#edit(id, (work, now) => {
      work.draftContext = draftContext;
      work.updatedAt = now;
    });
  }

  /** Deletes a work: it is no longer alive, so the worker drops its queued messages. */
  delete(id: string): void {
    const work = this.#works.get(id);
    if (!work) return;
    this.#works.delete(id);
    this.#onChange(snapshot(work), true);
  }

  /** Deletes every work of a connector (connector deletion). */
  deleteForConnector(connectorId: string): void {
    for (const work of [...this.#works.values()]) if (work.connectorId === connectorId) this.delete(work.id);
    this.#lastReported.delete(connectorId);
  }

  /** `isWorkAlive`: the work exists (it was not deleted). */
  isAlive(id: string): boolean {
    return this.#works.has(id);
  }

  get(id: string): WorkSnapshot | undefined {
    const work = this.#works.get(id);
    return work ? snapshot(work) : undefined;
  }

  /** Works, oldest first, optionally of one connector. */
  list(connectorId?: string): WorkSnapshot[] {
    return [...this.#works.values()]
      .filter((w) => connectorId === undefined || w.connectorId === connectorId)
      .sort((a, b) => a.timestamp.localeCompare(b.timestamp))
      .map(snapshot);
  }

  /**
   * One pass of the platform's connector manager: per connector, works in `wait`/`progress` older than the last
   * work that received a report are completed (deleted when older than 7 days), and works completed more than
   * 7 days ago are deleted.
   */
  runManager(): void {
    const nowMs = this.#clock.now();
    const now = iso(nowMs);
    for (const work of [...this.#works.values()]) {
      const lastId = this.#lastReported.get(work.connectorId);
      const last = lastId ? this.#works.get(lastId) : undefined;
      const age = nowMs - Date.parse(work.timestamp);
      if (work.status === "complete") {
        if (work.completedTime && nowMs - Date.parse(work.completedTime) > 7 * DAY_MS) this.delete(work.id);
      } else if (last && work.id !== last.id && work.timestamp < last.timestamp) {
        if (age > 7 * DAY_MS) this.delete(work.id);
        else this.#edit(work.id, (w) => complete(w, now, w.processed));
      }
    }
  }

  #edit(id: string, change: (work: WorkRecord, now: string) => void): void {
    const work = this.#works.get(id);
    if (!work) return;
    change(work, iso(this.#clock.now()));
    this.#emit(work);
  }

  #emit(work: WorkRecord): WorkSnapshot {
    const copy = snapshot(work);
    this.#onChange(copy, false);
    return copy;
  }
}

/** The platform's work id: `work_<connector id>_<ISO timestamp with milliseconds>`. */
export function workId(connectorId: string, atMs: number): string {
  return `work_${connectorId}_${iso(atMs)}`;
}

function complete(work: WorkRecord, now: string, completedNumber: number): void {
  work.status = "complete";
  work.completedNumber = completedNumber;
  work.completedTime = now;
}

function entry(timestamp: string, message: string): WorkMessage {
  return { timestamp, message, sequence: null, source: null };
}

function snapshot(work: WorkRecord): WorkSnapshot {
  return Object.freeze({
    ...work,
    messages: Object.freeze(work.messages.map((m) => Object.freeze({ ...m }))),
    errors: Object.freeze(work.errors.map((m) => Object.freeze({ ...m }))),
  });
}
