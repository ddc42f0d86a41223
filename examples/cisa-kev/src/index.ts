import { pathToFileURL } from "node:url";
import {
  type CollectContext,
  type ConnectorConfigOf,
  ExternalImportConnector,
  type ExternalImportConnectorOptions,
  type ImportState,
  type MapContext,
  runConnector,
} from "@org/opencti-connector-sdk";
import { type StixObject, tlpMarking } from "@org/stix2-types";
import { type KevRecord, planBatches } from "./batches.js";
import { KevClient } from "./client.js";
import { cisaKevConfig, cisaKevState } from "./config.js";
import { cursorAfter, pendingEntries } from "./import-cursor.js";
import { CISA_AUTHOR, mapKevRecord } from "./mapping.js";

type Config = ConnectorConfigOf<typeof cisaKevConfig>;
type State = ImportState<typeof cisaKevState>;

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

  async *collect(context: CollectContext<Config, State>): AsyncGenerator<KevRecord[]> {
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

  override toStix(record: KevRecord, context: MapContext<Config>): StixObject[] {
    return mapKevRecord(record, context.stix);
  }

  override recordId(record: KevRecord): string {
    return record.entry.cveID;
  }
}

// `node dist/index.js` (`pnpm start`) runs the connector; importing the module (tests) does not.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runConnector(CisaKevConnector);
}
