import { describe, expect, it } from "vitest";
import { workErrorMessage, workFriendlyName, workSummaryMessage } from "./work-messages.js";

describe("work messages", () => {
  it("names a work after the connector and the run's start (spec §5.1)", () => {
    expect(workFriendlyName("Acme Feed", Date.parse("2026-02-12T22:41:47.123Z"))).toBe(
      "Acme Feed run @ 2026-02-12T22:41:47.123Z",
    );
  });

  it("renders failures as <error class>: <message>, redacted", () => {
    const error = new TypeError("token abc123 refused");
    expect(workErrorMessage(error, (t) => t.replace("abc123", "[REDACTED]"))).toBe(
      "TypeError: token [REDACTED] refused",
    );
    expect(workErrorMessage("plain failure")).toBe("Error: plain failure");
  });

  it("summarises a run with singular and plural forms", () => {
    expect(workSummaryMessage({ batches: 3, records: 30, objects: 92, sent: 92, skipped: 1 })).toBe(
      "Imported 30 records as 92 STIX objects in 3 batches (92 messages), 1 record skipped",
    );
    expect(workSummaryMessage({ batches: 1, records: 1, objects: 1, sent: 1, skipped: 0 })).toBe(
      "Imported 1 record as 1 STIX object in 1 batch (1 message)",
    );
  });

  it("says where the objects went in validation mode", () => {
    expect(workSummaryMessage({ batches: 2, records: 4, objects: 12, sent: 0, skipped: 1 }, { workbench: true })).toBe(
      "Uploaded 4 records as 12 STIX objects in 2 batches to the workbench for validation, 1 record skipped",
    );
  });
});
