import { realpathSync } from "node:fs";
import { pathToFileURL } from "node:url";
import {
  type CollectContext,
  type ConnectorConfigOf,
  defineConnectorConfig,
  ExternalImportConnector,
  type ExternalImportConnectorOptions,
  type ImportState,
  isoDuration,
  type MapContext,
  runConnector,
  secret,
} from "@org/opencti-connector-sdk";
import { defaultBuilders, type StixObject, TLP_LEVELS, tlpMarking } from "@org/stix2-types";
import { z } from "zod";
import { type SourceRecord, TemplateClient, templateHttpOptions } from "./client.js";
import { mapRecord, SOURCE_NAME } from "./mapping.js";

/**
 * The connector's configuration: the base variables (`OPENCTI_*`, `CONNECTOR_*`, `MQ_*`) and its own settings,
 * read from `TEMPLATE_<KEY>` or `template.<key>` in `config.yml`. `pnpm metadata` turns it into
 * `__metadata__/connector_config_schema.json`, `CONNECTOR_CONFIG_DOC.md` and the README's tables.
 */
export const templateConfig = defineConnectorConfig({
  namespace: "template",
  schema: z.object({
    api_base_url: z
      .url()
      .default("https://api.example.com")
      .describe("Base URL of the Template API; requests go to <url>/v1/indicators."),
    api_key: secret(z.string().min(1)).describe("API key of the Template API, sent in the X-Api-Key header."),
    tlp_level: z
      .enum(TLP_LEVELS)
      .default("amber+strict")
      .describe("TLP marking of every imported object: clear, green, amber, amber+strict or red."),
    import_start_date: isoDuration()
      .prefault("P30D")
      .describe("How far back the first run imports, as an ISO-8601 duration (P30D: the last 30 days)."),
  }),
  connector: {
    type: "EXTERNAL_IMPORT",
    name: "Template Feed",
    scope: ["indicator", "malware"],
    durationPeriod: "PT1H",
    logLevel: "info",
  },
});

/** The loaded configuration's type. */
export type TemplateConfig = ConnectorConfigOf<typeof templateConfig>;

/** The cursor kept in the connector's state: `updated_at` of the last record delivered. */
export const templateState = z.object({ since: z.iso.datetime({ offset: true }).optional() });

/** The author of every object: the source, as an organization. */
export const TEMPLATE_AUTHOR = defaultBuilders.identity({
  name: SOURCE_NAME,
  identity_class: "organization",
  description: "Provider of the Template indicator feed.",
  // A fixed date keeps the author identical from run to run (its id depends only on name and class).
  created: "2026-01-01T00:00:00.000Z",
});

/**
 * The Template connector: imports the source's indicators incrementally. `collect()` pages through the records
 * updated since the cursor and checkpoints after each page; `toStix()` maps each record (see `mapRecord`). The
 * SDK does the rest: schedule, works, delivery, state, retries and shutdown.
 */
export class TemplateConnector extends ExternalImportConnector<
  typeof templateConfig,
  typeof templateState,
  SourceRecord
> {
  constructor(options?: ExternalImportConnectorOptions) {
    super(
      {
        config: templateConfig,
        state: templateState,
        author: TEMPLATE_AUTHOR,
        markings: (config) => [tlpMarking(config.template.tlp_level)],
        supportVersion: ">=6.8.12",
      },
      options,
    );
  }

  override async *collect(
    context: CollectContext<TemplateConfig, ImportState<typeof templateState>>,
  ): AsyncGenerator<SourceRecord[], void, undefined> {
    const settings = context.config.template;
    const client = new TemplateClient(this.createHttpClient(templateHttpOptions(settings)));
    const since = context.state.since ?? context.relativeStart(settings.import_start_date);
    context.logger.info("Importing the records updated since the cursor", { since });
    for await (const records of client.indicatorsSince(since, context.signal)) {
      yield records;
      const last = records.at(-1);
      if (last !== undefined) context.checkpoint({ since: last.updated_at });
    }
  }

  override toStix(record: SourceRecord, context: MapContext<TemplateConfig>): StixObject[] {
    return mapRecord(record, context.stix);
  }

  override recordId(record: SourceRecord): string {
    return record.id;
  }
}

/** True when this module is the program Node was started with (`node dist/index.js`), not an import. */
function isMain(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}

if (isMain()) await runConnector(TemplateConnector);
