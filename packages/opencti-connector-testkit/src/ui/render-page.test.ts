import { describe, expect, it } from "vitest";
import { renderPage } from "./render-page.js";

const base = {
  version: "6.9.17",
  broker: null,
  connectors: [],
  works: [],
  objects: [],
  countsByType: {},
  dangling: [],
  worker: { messages: 0, imported: 0, failed: 0, split: 0, dropped: 0, rejected: 0 },
  search: "",
};
const record = (id: string, name: string) => ({
  object: { id, type: id.split("--")[0] ?? "", name },
  connectorId: null,
  workId: null,
  ingestedAt: "2026-01-01T00:00:00.000Z",
  versions: 1,
});

describe("renderPage", () => {
  it("escapes what connectors sent", () => {
    const html = renderPage({ ...base, objects: [record("malware--1", "<script>alert(1)</script>")] });
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("filters objects by id or name on the server with q", () => {
    const objects = [record("malware--1", "Emotet"), record("identity--2", "ACME Corp")];
    const html = renderPage({ ...base, objects, search: "acme" });
    expect(html).toContain("ACME Corp");
    expect(html).not.toContain("Emotet");
    expect(html).toContain("1 of 1 matching objects shown.");
  });

  it("says when there is nothing yet", () => {
    const html = renderPage(base);
    expect(html).toContain("No connector registered yet.");
    expect(html).toContain("No work yet.");
    expect(html).toContain("no broker (API push only, in-memory worker)");
  });
});
