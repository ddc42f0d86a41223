import { defaultBuilders, type StixObject, TLP_GREEN } from "@org/stix2-types";
import { z } from "zod";
import { type ConnectorConfigOf, defineConnectorConfig } from "../../../src/config/define-connector-config.js";
import { isoDuration } from "../../../src/config/iso-duration.js";
import type { ExternalImportConnectorOptions } from "../../../src/connector/connector-options.js";
import { ExternalImportConnector } from "../../../src/connector/external-import-connector.js";
import type { CollectContext, MapContext } from "../../../src/connector/import-context.js";
import type { ImportState } from "../../../src/connector/import-state.js";
import { MappingError } from "../../../src/errors/mapping-error.js";

export const testFeedConfig = defineConnectorConfig({
  namespace: "testfeed",
  schema: z.object({ import_start_date: isoDuration().prefault("P30D") }),
  connector: { type: "EXTERNAL_IMPORT", name: "Test Feed", scope: ["indicator"], durationPeriod: "PT1H" },
});
export const testFeedState = z.object({ offset: z.number().int().nonnegative().optional() });

type Config = ConnectorConfigOf<typeof testFeedConfig>;
type State = ImportState<typeof testFeedState>;

/** One record of the test feed. */
export interface FeedRecord {
  id: string;
  ip: string;
}

/** The feed's author identity. */
export const FEED_AUTHOR = defaultBuilders.identity({ name: "Test Feed Source", identity_class: "organization" });

/** `n` records `r1`… with addresses `10.0.0.1`…. */
export function feedRecords(n: number): FeedRecord[] {
  return Array.from({ length: n }, (_, i) => ({ id: `r${i + 1}`, ip: `10.0.${(i + 1) >> 8}.${(i + 1) & 255}` }));
}

/** Test hooks: called before each batch is read (throw to make the source fail there). */
export interface FeedHooks {
  beforeBatch?: (offset: number, context: CollectContext<Config, State>) => void | Promise<void>;
}

/**
 * A connector over an in-memory feed read in fixed-size batches, resuming from `state.offset`; each record becomes
 * an IPv4 address and its indicator; an empty `ip` is a `MappingError`.
 */
export class TestFeedConnector extends ExternalImportConnector<
  typeof testFeedConfig,
  typeof testFeedState,
  FeedRecord
> {
  /** Offset each `collect()` call started from, and the relative start it computed. */
  readonly collects: { offset: number; isFirstRun: boolean; since: string }[] = [];

  constructor(
    readonly feed: readonly FeedRecord[],
    readonly batchSize: number,
    options: ExternalImportConnectorOptions,
    readonly hooks: FeedHooks = {},
  ) {
    super({ config: testFeedConfig, state: testFeedState, author: FEED_AUTHOR, markings: [TLP_GREEN] }, options);
  }

  async *collect(context: CollectContext<Config, State>): AsyncGenerator<FeedRecord[]> {
    let offset = context.state.offset ?? 0;
    this.collects.push({
      offset,
      isFirstRun: context.isFirstRun,
      since: context.relativeStart(context.config.testfeed.import_start_date),
    });
    while (offset < this.feed.length) {
      await this.hooks.beforeBatch?.(offset, context);
      const batch = this.feed.slice(offset, offset + this.batchSize);
      yield batch;
      offset += batch.length;
      context.checkpoint({ offset });
    }
  }

  override toStix(record: FeedRecord, context: MapContext<Config>): StixObject[] {
    if (record.ip === "") throw new MappingError("the record has no ip", { recordId: record.id });
    const ip = context.stix.ipv4Address({ value: record.ip });
    return [ip, context.stix.indicatorFor(ip, { valid_from: "2026-01-01T00:00:00.000Z" })];
  }

  override recordId(record: FeedRecord): string {
    return record.id;
  }
}
