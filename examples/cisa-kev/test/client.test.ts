import { fileURLToPath } from "node:url";
import { createHttpClient, ResponseValidationError } from "@org/opencti-connector-sdk";
import { type FileServer, startFileServer } from "@org/opencti-connector-testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KevClient } from "../src/client.js";
import { fixtureCatalog } from "./support/kev-entries.js";

const FEED = "known_exploited_vulnerabilities.json";

describe("KevClient against the fixture server", () => {
  let server: FileServer;
  beforeAll(async () => {
    server = await startFileServer({ dir: fileURLToPath(new URL("../fixtures", import.meta.url)) });
  });
  afterAll(() => server.close());

  const client = () => new KevClient(createHttpClient({ baseUrl: server.fileUrl(FEED), retry: { maxAttempts: 1 } }));

  it("downloads and validates the catalog from the feed URL", async () => {
    const catalog = await client().fetchCatalog();
    expect(catalog).toEqual(fixtureCatalog());
    expect(catalog.catalogVersion).toBe("2025.08.25");
    expect(catalog.vulnerabilities).toHaveLength(23);
    expect(server.requests.at(-1)).toBe(`/${FEED}`);
  });

  it("rejects an invalid catalog with an error naming the field and what it must be", async () => {
    const catalog = structuredClone(fixtureCatalog());
    (catalog.vulnerabilities[12] as { dateAdded: string }).dateAdded = "2025/08/05";
    server.set("broken.json", JSON.stringify(catalog));
    const error = await new KevClient(createHttpClient({ baseUrl: server.fileUrl("broken.json") }))
      .fetchCatalog()
      .catch((e: unknown) => e);
    expect(ResponseValidationError.isInstance(error)).toBe(true);
    expect((error as ResponseValidationError).field).toBe("vulnerabilities[12].dateAdded");
    expect((error as Error).message).toBe(
      `Invalid response from GET ${server.fileUrl("broken.json")}: field \`vulnerabilities[12].dateAdded\`: must be a date YYYY-MM-DD`,
    );
  });

  it("names a missing field and an invalid CVE id", async () => {
    const catalog = structuredClone(fixtureCatalog()) as unknown as { vulnerabilities: Record<string, unknown>[] };
    delete catalog.vulnerabilities[0]?.requiredAction;
    (catalog.vulnerabilities[3] as Record<string, unknown>).cveID = "CVE-25-1";
    server.set("broken.json", JSON.stringify(catalog));
    const error = (await new KevClient(createHttpClient({ baseUrl: server.fileUrl("broken.json") }))
      .fetchCatalog()
      .catch((e: unknown) => e)) as ResponseValidationError;
    expect(error.issues).toEqual([
      { field: "vulnerabilities[0].requiredAction", message: "Invalid input: expected string, received undefined" },
      { field: "vulnerabilities[3].cveID", message: "must be a CVE id such as CVE-2025-48384" },
    ]);
  });
});
