import type { DemoResult } from "./run-demo.js";

/** The demo's summary, line by line. */
export function formatSummary(args: {
  connectorName: string;
  delivery: string;
  url: string;
  result: DemoResult;
  dangling: number;
  rawState: string | null;
  /** How to start the emulator by hand (see `serveCommand`). */
  serveCommand: string;
}): string[] {
  const { result } = args;
  const lines = [`OpenCTI testkit demo: ${args.connectorName}, run once against the embedded platform emulator`];
  lines.push(`  platform   ${args.url} (stopped after the run), delivery: ${args.delivery}`);
  if (result.error !== undefined) {
    lines.push(`  run        FAILED: ${result.error instanceof Error ? result.error.message : String(result.error)}`);
  }
  if (result.works.length === 0) lines.push("  work       none: the connector sent nothing");
  for (const work of result.works) {
    const processed = work.status === "complete" ? work.completedNumber : work.processed;
    lines.push(`  work       ${work.id}`);
    lines.push(
      `             "${work.name ?? ""}": ${work.status}, ${processed} processed of ${work.expected} expected, ${work.errors.length} error(s)`,
    );
    for (const error of work.errors.slice(0, 5)) lines.push(`             error: ${error.message ?? ""}`);
  }
  const counts = Object.entries(result.countsByType);
  const total = counts.reduce((sum, [, n]) => sum + n, 0);
  lines.push(
    `  objects    ${total} ingested${counts.length ? `: ${counts.map(([type, n]) => `${type} ${n}`).join(", ")}` : ""}`,
  );
  lines.push(`  dangling   ${args.dangling} reference(s) to objects sent by nobody`);
  lines.push(`  state      ${args.rawState ?? "(none saved)"}`);
  lines.push(result.success ? "Result: success" : "Result: FAILED");
  lines.push(`More: ${args.serveCommand} keeps an emulator running;`);
  lines.push(
    "      point a connector at the printed OPENCTI_URL/OPENCTI_TOKEN and open the URL to browse what it sent.",
  );
  return lines;
}
