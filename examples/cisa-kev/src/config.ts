import { defineConnectorConfig } from "@org/opencti-connector-sdk";
import { z } from "zod";

/** The catalog's official JSON feed. */
export const OFFICIAL_FEED_URL = "https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json";

/** The TLP levels the connector can mark its objects with (`clear` is TLP 1.0's `white`). */
export const TLP_LEVELS = ["clear", "green", "amber", "amber+strict", "red"] as const;

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
