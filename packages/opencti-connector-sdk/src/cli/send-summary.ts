import type { DeliveryResult } from "../delivery/bundle-sender.js";

/** What `send` reports once done. */
export interface SendSummary {
  readonly label: string;
  /** Where the bundles went: RabbitMQ, `stixBundlePush`, the workbench (validation mode), or only a directory. */
  readonly transport: "amqp" | "api" | "workbench" | "directory";
  /** The directory written to, when directory mode is on. */
  readonly directory: string | undefined;
  readonly objects: number;
  readonly byType: ReadonlyMap<string, number>;
  readonly result: DeliveryResult;
  /** The work the delivery belonged to; absent when `CONNECTOR_SEND_TO_QUEUE` is false. */
  readonly workId: string | undefined;
  readonly elapsedMs: number;
}

/** Warnings listed one by one in the summary. */
const LISTED_WARNINGS = 20;

/** A count with thousands separators, e.g. `1,234`. */
export const formatCount = (value: number) => Math.round(value).toLocaleString("en-US");

const plural = (count: number, one: string, many = `${one}s`) => `${formatCount(count)} ${count === 1 ? one : many}`;

/** Objects per second over `elapsedMs`, formatted. */
export function formatRate(objects: number, elapsedMs: number): string {
  return elapsedMs <= 0 ? "-" : formatCount((objects * 1000) / elapsedMs);
}

function messagesLine(summary: SendSummary): string {
  const { result, transport, directory } = summary;
  const files = directory === undefined ? "" : `, ${plural(result.batches, "file")} written to ${directory}`;
  if (transport === "directory") return plural(result.batches, "file") + ` written to ${directory}`;
  if (transport === "workbench") return `${plural(result.batches, "file")} uploaded to the workbench`;
  const what = transport === "amqp" ? "message" : "bundle";
  return `${plural(result.sent, what)} ${transport === "amqp" ? "confirmed by RabbitMQ" : "pushed"}${files}`;
}

function warningLines(result: DeliveryResult): string[] {
  if (result.warningCount === 0) return ["  warnings      none"];
  const reasons = new Map<string, number>();
  for (const warning of result.warnings) reasons.set(warning.reason, (reasons.get(warning.reason) ?? 0) + 1);
  const byReason = [...reasons].map(([reason, count]) => `${reason} ${formatCount(count)}`).join(", ");
  const lines = [
    `  warnings      ${plural(result.warningCount, "reference or object", "references or objects")} removed by the splitter: ${byReason}`,
  ];
  for (const warning of result.warnings.slice(0, LISTED_WARNINGS)) {
    lines.push(
      `    ${warning.objectId} ${warning.property}${warning.ref === undefined ? "" : ` ${warning.ref}`} (${warning.reason})`,
    );
  }
  if (result.warningCount > LISTED_WARNINGS)
    lines.push(`    ... ${formatCount(result.warningCount - LISTED_WARNINGS)} more`);
  return lines;
}

/** The summary `send` prints on stdout. */
export function formatSendSummary(summary: SendSummary): string[] {
  const { result, transport } = summary;
  const through = {
    amqp: "through RabbitMQ",
    api: "through stixBundlePush",
    workbench: "to the workbench for validation",
    directory: `into ${summary.directory}`,
  }[transport];
  const types = [...summary.byType].map(([type, count]) => `${type} ${formatCount(count)}`).join(", ");
  const expectations =
    summary.workId === undefined
      ? "none (no work: CONNECTOR_SEND_TO_QUEUE is false)"
      : `${formatCount(result.expectations)} on work ${summary.workId}`;
  return [
    `${transport === "directory" ? "Wrote" : "Sent"} ${summary.label}: ${plural(summary.objects, "object")} in ${plural(result.batches, "batch", "batches")} ${through}`,
    `  objects       ${types}`,
    `  messages      ${messagesLine(summary)}`,
    `  expectations  ${expectations}`,
    ...warningLines(result),
    `  elapsed       ${(summary.elapsedMs / 1000).toFixed(1)} s (${formatRate(summary.objects, summary.elapsedMs)} objects/s)`,
  ];
}
