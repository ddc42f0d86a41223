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
  ResponseValidationError,
  runConnector,
} from "@org/opencti-connector-sdk";
import { type StixObject, TLP_LEVELS, tlpMarking } from "@org/stix2-types";
import { z } from "zod";
import { type DatasetFile, DatasetsClient } from "./client.js";
import { type DatasetRecord, datasetRecordId, datasetRecords, FILIGRAN_AUTHOR, mapDatasetRecord } from "./mapping.js";

/** Where Filigran publishes the datasets. */
export const UPSTREAM_BASE_URL = "https://raw.githubusercontent.com/OpenCTI-Platform/datasets/master/data";

/**
 * The connector's configuration: the base variables and its own settings, read from `DATASETS_<KEY>` or
 * `datasets.<key>` in `config.yml`. `pnpm metadata` turns it into `__metadata__/connector_config_schema.json`,
 * `CONNECTOR_CONFIG_DOC.md` and the README's table.
 */
export const datasetsConfig = defineConnectorConfig({
  namespace: "datasets",
  schema: z.object({
    base_url: z.url().default(UPSTREAM_BASE_URL).describe("Folder the dataset files are read from: <url>/<file>.json."),
    files: z
      .array(z.string().regex(/^[\w-]+(\.json)?$/, "must be a file name such as sectors or sectors.json"))
      .min(1)
      .default(["sectors", "geography", "companies"])
      .describe("Dataset files to import, in this order (comma-separated; .json optional)."),
    tlp_level: z.enum(TLP_LEVELS).default("clear").describe("TLP marking of every imported object."),
  }),
  connector: {
    type: "EXTERNAL_IMPORT",
    name: "OpenCTI Datasets",
    scope: ["identity", "location"],
    durationPeriod: "P1D",
    logLevel: "info",
  },
});

/** The loaded configuration's type. */
export type DatasetsConfig = ConnectorConfigOf<typeof datasetsConfig>;

/**
 * The state: per file imported, the SHA-256 of its content and the TLP level it was imported with, so a file is
 * imported again only when it or the marking changes.
 */
export const datasetsState = z.object({
  files: z
    .record(
      z.string(),
      z.object({
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
        tlp_level: z.enum(TLP_LEVELS),
        imported_at: z.iso.datetime({ offset: true }),
      }),
    )
    .optional(),
});

/**
 * Imports Filigran's STIX datasets (sectors, geography, companies) as they are, with their ids, re-issued under the
 * connector's author and marking. Every run downloads each file; a file is sent (one batch) only when
 * its content or the marking changed since it was last imported, and its fingerprint is saved once the platform's
 * queue has it.
 */
export class DatasetsConnector extends ExternalImportConnector<
  typeof datasetsConfig,
  typeof datasetsState,
  DatasetRecord
> {
  constructor(options?: ExternalImportConnectorOptions) {
    super(
      {
        config: datasetsConfig,
        state: datasetsState,
        author: FILIGRAN_AUTHOR,
        markings: (config) => [tlpMarking(config.datasets.tlp_level)],
        supportVersion: ">=6.8.12",
      },
      options,
    );
  }

  async *collect(
    context: CollectContext<DatasetsConfig, ImportState<typeof datasetsState>>,
  ): AsyncGenerator<DatasetRecord[]> {
    const { base_url: baseUrl, files, tlp_level: tlpLevel } = context.config.datasets;
    const client = new DatasetsClient(this.createHttpClient({ baseUrl }));
    const fetched: DatasetFile[] = [];
    // A file that is not a bundle fails the run, once the others are imported.
    let rejected: ResponseValidationError | undefined;
    for (const name of new Set(files.map((file) => file.replace(/\.json$/, "")))) {
      try {
        fetched.push(await client.fetchFile(name, context.signal));
      } catch (error) {
        if (!ResponseValidationError.isInstance(error)) throw error;
        context.logger.warn("Dataset file rejected; the run imports the others, then fails", {
          file: `${name}.json`,
          field: error.field,
        });
        rejected ??= error;
      }
    }
    for (const file of fetched) {
      const previous = context.state.files?.[file.name];
      const attributes = { file: `${file.name}.json`, sha256: file.sha256, objects: file.objects.length };
      if (previous?.sha256 === file.sha256 && previous.tlp_level === tlpLevel) {
        context.logger.info("Dataset unchanged since its last import, skipped", attributes);
        continue;
      }
      const invalid = file.objects.filter((o) => !("object" in o)).length;
      context.logger.info("Importing dataset", { ...attributes, invalid_objects: invalid });
      yield datasetRecords(file, FILIGRAN_AUTHOR);
      const imported = {
        sha256: file.sha256,
        tlp_level: tlpLevel,
        imported_at: new Date(context.clock.now()).toISOString(),
      };
      context.checkpoint({ files: { ...context.state.files, [file.name]: imported } });
    }
    if (rejected !== undefined) throw rejected;
  }

  override toStix(record: DatasetRecord, context: MapContext<DatasetsConfig>): StixObject {
    return mapDatasetRecord(record, context.author, context.markings);
  }

  override recordId(record: DatasetRecord): string {
    return datasetRecordId(record);
  }
}

// `node dist/index.js` (`pnpm start`) runs the connector; importing this module (tests, scripts) does not.
const script = process.argv[1];
if (script !== undefined && import.meta.url === pathToFileURL(realpathSync(script)).href) {
  await runConnector(DatasetsConnector);
}
