import type { Identity, MarkingDefinition, StixBuilders } from "@org/stix2-types";
import type { Clock } from "../clock/clock.js";
import type { Logger } from "../logging/logger.js";

/** What `collect()` receives: the run's config, typed state, checkpoints and stop signal. */
export interface CollectContext<C, S> {
  /** The loaded configuration (base settings and the connector's namespace). */
  readonly config: C;
  /**
   * The state: at the start of the run, the one persisted by the last confirmed checkpoint (`{}` on a first run);
   * then the latest one given to {@link CollectContext.checkpoint}.
   */
  readonly state: Readonly<S>;
  /** No state was stored on the platform when the run started (first run, or after a reset). */
  readonly isFirstRun: boolean;
  /**
   * Registers a checkpoint after the batch just yielded: the state becomes `{ ...state, ...cursor }` (checked with
   * the state schema) and is persisted once every batch yielded so far is confirmed delivered. Call it right after
   * `yield`; it returns at once (persistence is asynchronous, and its failure fails the run).
   */
  checkpoint(cursor: Partial<S>): void;
  /**
   * The start of an incremental import with no cursor yet: the run's start minus `duration` (milliseconds, as an
   * `isoDuration()` setting holds, or an ISO-8601 duration such as `P30D`), as ISO 8601 UTC.
   */
  relativeStart(duration: number | string): string;
  /** Aborts when the connector stops (SIGTERM) or the run fails: pass it to source requests. */
  readonly signal: AbortSignal;
  readonly logger: Logger;
  readonly clock: Clock;
  /** 1-based run number since start. */
  readonly run: number;
  /** Start of the run, ms since the epoch. */
  readonly startedAt: number;
}

/** What `toStix()` receives. */
export interface MapContext<C> {
  readonly config: C;
  /** The STIX builders with the author, the default markings and the clock bound (`withDefaults`). */
  readonly stix: StixBuilders;
  /** The author identity of every object. */
  readonly author: Identity;
  /** The default markings of every object. */
  readonly markings: readonly MarkingDefinition[];
  readonly logger: Logger;
  readonly run: number;
  readonly signal: AbortSignal;
}
