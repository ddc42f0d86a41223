import type { HttpClient } from "@org/opencti-connector-sdk";
import { z } from "zod";

/** One entry of the catalog (its JSON schema's `vulnerability`); unknown fields are ignored. */
export const kevEntrySchema = z.object({
  cveID: z.string().regex(/^CVE-\d{4}-\d{4,19}$/, "must be a CVE id such as CVE-2025-48384"),
  vendorProject: z.string(),
  product: z.string(),
  vulnerabilityName: z.string(),
  dateAdded: z.iso.date("must be a date YYYY-MM-DD"),
  shortDescription: z.string(),
  requiredAction: z.string(),
  dueDate: z.iso.date("must be a date YYYY-MM-DD"),
  knownRansomwareCampaignUse: z.string().optional(),
  notes: z.string().optional(),
  cwes: z.array(z.string()).optional(),
});

/** The catalog document served by the feed. */
export const kevCatalogSchema = z.object({
  catalogVersion: z.string(),
  dateReleased: z.iso.datetime({ offset: true, error: "must be an ISO 8601 date-time" }),
  count: z.int().min(0),
  vulnerabilities: z.array(kevEntrySchema),
});

/** One catalog entry. */
export type KevEntry = z.output<typeof kevEntrySchema>;
/** The catalog. */
export type KevCatalog = z.output<typeof kevCatalogSchema>;

/**
 * Reads the KEV catalog from its feed URL (the HTTP client's base URL) and checks it: an answer that does not
 * match the catalog's schema fails with a `ResponseValidationError` naming the field
 * (e.g. `vulnerabilities[12].dateAdded`). Network failures, timeouts, 429 and 5xx are retried by the client.
 */
export class KevClient {
  readonly #http: HttpClient;

  constructor(http: HttpClient) {
    this.#http = http;
  }

  /** Downloads and validates the whole catalog (about 1.3 MB for 1,400 entries). */
  fetchCatalog(signal?: AbortSignal): Promise<KevCatalog> {
    return this.#http.get("", { schema: kevCatalogSchema, ...(signal ? { signal } : {}) });
  }
}
