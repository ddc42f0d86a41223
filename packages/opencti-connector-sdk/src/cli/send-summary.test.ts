import { describe, expect, it } from "vitest";
import type { DeliveryResult } from "../delivery/bundle-sender.js";
import { formatSendSummary, type SendSummary } from "./send-summary.js";

const result: DeliveryResult = {
  sent: 1_203,
  objects: 1_203,
  expectations: 1_203,
  batches: 2,
  warningCount: 0,
  warnings: [],
};
const summary: SendSummary = {
  label: "bundle.json",
  transport: "amqp",
  directory: undefined,
  objects: 1_200,
  byType: new Map([
    ["identity", 1],
    ["location", 1_199],
  ]),
  result,
  workId: "work_1",
  elapsedMs: 2_500,
};

describe("formatSendSummary", () => {
  it("prints objects by type, messages, expectations, warnings, elapsed time and rate", () => {
    expect(formatSendSummary(summary)).toEqual([
      "Sent bundle.json: 1,200 objects in 2 batches through RabbitMQ",
      "  objects       identity 1, location 1,199",
      "  messages      1,203 messages confirmed by RabbitMQ",
      "  expectations  1,203 on work work_1",
      "  warnings      none",
      "  elapsed       2.5 s (480 objects/s)",
    ]);
  });

  it("lists the splitter's warnings, API pushes, and directory-only sends", () => {
    const warnings = Array.from({ length: 22 }, (_, i) => ({
      objectId: `relationship--${i}`,
      property: "source_ref",
      ref: `malware--${i}`,
      reason: i === 0 ? ("cycle" as const) : ("unsupported_type" as const),
    }));
    const lines = formatSendSummary({
      ...summary,
      transport: "api",
      directory: "/tmp/out",
      result: { ...result, sent: 2, expectations: 0, warningCount: 22, warnings },
    });
    expect(lines.slice(2, 6)).toEqual([
      "  messages      2 bundles pushed, 2 files written to /tmp/out",
      "  expectations  0 on work work_1",
      "  warnings      22 references or objects removed by the splitter: cycle 1, unsupported_type 21",
      "    relationship--0 source_ref malware--0 (cycle)",
    ]);
    expect(lines.slice(-3)).toEqual([
      "    relationship--19 source_ref malware--19 (unsupported_type)",
      "    ... 2 more",
      "  elapsed       2.5 s (480 objects/s)",
    ]);
    const directory = formatSendSummary({ ...summary, transport: "directory", directory: "out", workId: undefined });
    expect(directory.slice(0, 4)).toEqual([
      "Wrote bundle.json: 1,200 objects in 2 batches into out",
      "  objects       identity 1, location 1,199",
      "  messages      2 files written to out",
      "  expectations  none (no work: CONNECTOR_SEND_TO_QUEUE is false)",
    ]);
  });
});
