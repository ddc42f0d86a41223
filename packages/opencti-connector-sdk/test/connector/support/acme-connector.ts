import { defaultBuilders, TLP_GREEN } from "@org/stix2-types";
import { z } from "zod";
import {
  type CollectContext,
  type ConnectorConfigOf,
  defineConnectorConfig,
  ExternalImportConnector,
  type ExternalImportConnectorOptions,
  type ImportState,
  isoDuration,
  type MapContext,
  MappingError,
  paginateCursor,
  runConnector,
  secret,
} from "../../../src/index.js";

export const acmeConfig = defineConnectorConfig({
  namespace: "acme",
  schema: z.object({
    api_base_url: z.url().default("https://api.acme.example"),
    api_key: secret(z.string().min(1)),
    import_start_date: isoDuration().prefault("P30D"),
  }),
  connector: { type: "EXTERNAL_IMPORT", name: "Acme Feed", scope: ["indicator"], durationPeriod: "PT1H" },
});
const acmeState = z.object({ since: z.iso.datetime().optional() });
const acmePage = z.object({
  items: z.array(z.object({ id: z.string(), ip: z.string(), seen: z.iso.datetime() })),
  next: z.string().nullable(),
});
type Config = ConnectorConfigOf<typeof acmeConfig>;
type Item = z.output<typeof acmePage>["items"][number];

export class AcmeConnector extends ExternalImportConnector<typeof acmeConfig, typeof acmeState, Item> {
  constructor(options?: ExternalImportConnectorOptions) {
    super(
      {
        config: acmeConfig,
        state: acmeState,
        author: defaultBuilders.identity({ name: "Acme", identity_class: "organization" }),
        markings: [TLP_GREEN],
      },
      options,
    );
  }

  async *collect(context: CollectContext<Config, ImportState<typeof acmeState>>) {
    const source = this.createHttpClient({
      baseUrl: context.config.acme.api_base_url,
      auth: { type: "header", name: "X-Api-Key", value: context.config.acme.api_key },
    });
    const since = context.state.since ?? context.relativeStart(context.config.acme.import_start_date);
    const pages = paginateCursor(source, "/v1/indicators", {
      schema: acmePage,
      items: (page) => page.items,
      nextCursor: (page) => page.next,
      query: { since },
      signal: context.signal,
    });
    for await (const { items } of pages) {
      yield items;
      const last = items.at(-1);
      if (last) context.checkpoint({ since: last.seen });
    }
  }

  override toStix(item: Item, context: MapContext<Config>) {
    if (item.ip === "") throw new MappingError("no ip", { recordId: item.id });
    const ip = context.stix.ipv4Address({ value: item.ip });
    return [ip, context.stix.indicatorFor(ip, { valid_from: item.seen })];
  }

  override recordId(item: Item) {
    return item.id;
  }
}

// The connector's entry point when run as a program (`node acme-connector.js`), not when imported.
if (import.meta.url === `file://${process.argv[1]}`) await runConnector(AcmeConnector);
