import { realpathSync } from "node:fs";
import { pathToFileURL } from "node:url";
import {
  type CollectContext,
  type ConnectorConfigOf,
  defineConnectorConfig,
  ExternalImportConnector,
  type ExternalImportConnectorOptions,
  type ImportState,
  type MapContext,
  runConnector,
} from "@org/opencti-connector-sdk";
import { type StixObject, TLP_LEVELS, tlpMarking } from "@org/stix2-types";
import { z } from "zod";
import { type KevRecord, planBatches } from "./batches.js";
import { KevClient } from "./client.js";
import { cursorAfter, pendingEntries } from "./import-cursor.js";
import { CISA_AUTHOR, mapKevRecord } from "./mapping.js";

/** The catalog's official JSON feed. */
export const OFFICIAL_FEED_URL = "https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json";

/**
 * The connector's settings, in the `cisa` section: `CISA_KEV_FEED_URL` (`cisa.kev_feed_url` in `config.yml`),
 * `CISA_KEV_TLP_LEVEL`, `CISA_KEV_BATCH_SIZE`. The section is `cisa` because the first `_` of a variable splits
 * the section from the key (spec §2.1), so every variable reads `CISA_KEV_*`.
 */
export const cisaKevConfig = defineConnectorConfig({
  namespace: "cisa",
  schema: z.object({
    kev_feed_url: z
      .url()
      .default(OFFICIAL_FEED_URL)
      .describe("URL of the KEV catalog in JSON (the official feed, or a mirror of it)."),
    kev_tlp_level: z.enum(TLP_LEVELS).default("clear").describe("TLP marking of every imported object."),
    kev_batch_size: z
      .int()
      .min(1)
      .max(5_000)
      .default(200)
      .describe("Catalog entries per batch; the cursor is saved after each batch is delivered."),
  }),
  connector: {
    type: "EXTERNAL_IMPORT",
    name: "CISA Known Exploited Vulnerabilities",
    scope: ["vulnerability", "software", "note"],
    durationPeriod: "P1D",
    logLevel: "info",
  },
});

/**
 * The import cursor kept in the connector's state: the newest `dateAdded` imported and the CVE ids of that date
 * already imported, so entries added later on the same day are still imported and nothing is imported twice.
 */
export const cisaKevState = z.object({
  last_date_added: z.iso.date().optional(),
  last_date_cves: z.array(z.string()).optional(),
});

/** The loaded configuration's type. */
export type CisaKevConfig = ConnectorConfigOf<typeof cisaKevConfig>;

/**
 * Imports CISA's Known Exploited Vulnerabilities catalog: each run downloads the catalog, keeps the entries added
 * since the cursor (`dateAdded`, oldest first), and sends them in batches; the cursor is saved once each batch is
 * delivered, so a failed run resumes where the last delivered batch ended and a run with nothing new opens no
 * work.
 */
export class CisaKevConnector extends ExternalImportConnector<typeof cisaKevConfig, typeof cisaKevState, KevRecord> {
  constructor(options?: ExternalImportConnectorOptions) {
    super(
      {
        config: cisaKevConfig,
        state: cisaKevState,
        author: CISA_AUTHOR,
        markings: (config) => [tlpMarking(config.cisa.kev_tlp_level)],
        supportVersion: ">=6.8.12",
      },
      options,
    );
  }

  async *collect(
    context: CollectContext<CisaKevConfig, ImportState<typeof cisaKevState>>,
  ): AsyncGenerator<KevRecord[]> {
    const { kev_feed_url: feedUrl, kev_batch_size: batchSize } = context.config.cisa;
    const client = new KevClient(this.createHttpClient({ baseUrl: feedUrl }));
    const catalog = await client.fetchCatalog(context.signal);
    const pending = pendingEntries(catalog.vulnerabilities, context.state);
    context.logger.info("KEV catalog downloaded", {
      catalog_version: catalog.catalogVersion,
      entries: catalog.vulnerabilities.length,
      new_entries: pending.length,
      since: context.state.last_date_added ?? null,
    });
    for (const batch of planBatches(pending, batchSize)) {
      yield batch;
      context.checkpoint(
        cursorAfter(
          context.state,
          batch.map((record) => record.entry),
        ),
      );
    }
  }

  override toStix(record: KevRecord, context: MapContext<CisaKevConfig>): StixObject[] {
    return mapKevRecord(record, context.stix);
  }

  override recordId(record: KevRecord): string {
    return record.entry.cveID;
  }
}

// `node dist/index.js` (`pnpm start`) runs the connector; importing this module (tests, scripts) does not.
const script = process.argv[1];
if (script !== undefined && import.meta.url === pathToFileURL(realpathSync(script)).href) {
  await runConnector(CisaKevConnector);
}
