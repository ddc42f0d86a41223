import { z } from "zod";
import { parseDuration } from "../config/duration.js";
import { InvalidStateError, type StateIssue } from "../errors/invalid-state-error.js";
import type { ConnectorState } from "../helper/connector-state.js";

/** The state key the SDK writes at the end of each successful run: its end time, ISO 8601 UTC. */
export const LAST_RUN_KEY = "last_run";

/**
 * The typed state of an external import: the connector's own cursor fields (its state schema) plus `last_run`,
 * the end of the last successful run (ISO 8601), which the scheduler reads to delay the first run after a restart.
 */
export type ImportState<S extends z.ZodObject> = z.output<S> & { last_run?: string };

/** A connector's state schema with the SDK's `last_run` field added (see {@link importStateSchema}). */
export type ImportStateSchema<S extends z.ZodObject> = z.ZodType<ImportState<S>>;

/** Adds `last_run` (an optional ISO 8601 date-time) to a connector's state schema. */
export function importStateSchema<S extends z.ZodObject>(schema: S): ImportStateSchema<S> {
  // zod types `extend` on the generic shape loosely; the output is the connector's state plus `last_run`.
  return schema.extend({
    [LAST_RUN_KEY]: z.iso.datetime({ offset: true }).optional(),
  }) as unknown as ImportStateSchema<S>;
}

function issuesOf(error: z.ZodError): StateIssue[] {
  return error.issues.map((issue) => ({ field: issue.path.map(String).join("."), message: issue.message }));
}

/**
 * Checks that a state schema accepts the empty state (the first run has none): every cursor field must be
 * optional or have a default. Throws a `TypeError` naming the fields otherwise (a programming mistake).
 */
export function assertAcceptsEmptyState(schema: z.ZodObject): void {
  const result = schema.safeParse({});
  if (!result.success) {
    const fields = issuesOf(result.error).map((i) => i.field);
    throw new TypeError(
      `The state schema must accept the empty state of a first run: make ${fields.join(", ")} optional or give a default`,
    );
  }
}

/**
 * Reads the state stored on the platform (`null` = none) with the state schema.
 *
 * @throws InvalidStateError (`origin: "stored"`) listing each rejected field.
 */
export function readStoredState<T>(schema: z.ZodType<T>, stored: ConnectorState | null): T {
  const result = schema.safeParse(stored ?? {});
  if (!result.success) throw new InvalidStateError({ origin: "stored", issues: issuesOf(result.error) });
  return result.data;
}

/**
 * The state after a checkpoint: `current` with `cursor`'s fields, checked with the state schema.
 *
 * @throws InvalidStateError (`origin: "checkpoint"`) listing each rejected field.
 */
export function mergeCheckpoint<T>(schema: z.ZodType<T>, current: T, cursor: Partial<T>): T {
  const result = schema.safeParse({ ...current, ...cursor });
  if (!result.success) throw new InvalidStateError({ origin: "checkpoint", issues: issuesOf(result.error) });
  return result.data;
}

/**
 * The start of an incremental import's first run: `now` minus `duration`, as ISO 8601 UTC. `duration` is either
 * milliseconds (what a config field declared with `isoDuration()` holds) or an ISO-8601 duration such as `P30D`.
 */
export function relativeStart(now: number, duration: number | string): string {
  const ms = typeof duration === "number" ? duration : parseDuration(duration);
  if (!(Number.isFinite(ms) && ms >= 0)) throw new RangeError(`duration must be >= 0 ms, got ${duration}`);
  return new Date(now - ms).toISOString();
}
