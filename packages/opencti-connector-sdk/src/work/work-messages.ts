/** What a run did, for the message of its work and its summary log line. */
export interface RunFigures {
  /** Batches read from the source. */
  batches: number;
  /** Source records read. */
  records: number;
  /** STIX objects delivered (author and markings included). */
  objects: number;
  /** Messages (split bundles, pushes or files) delivered. */
  sent: number;
  /** Records skipped (mapping errors and records mapped to nothing). */
  skipped: number;
}

/** The work's friendly name (spec §5.1): `<connector name> run @ <ISO timestamp>`, as the platform names its own. */
export function workFriendlyName(connectorName: string, startedAt: number): string {
  return `${connectorName} run @ ${new Date(startedAt).toISOString()}`;
}

/**
 * The message of a work closed in error (spec §5.4): `<error class>: <message>`, with secrets removed by
 * `redact`.
 */
export function workErrorMessage(error: unknown, redact: (text: string) => string = (text) => text): string {
  if (error instanceof Error) return redact(`${error.name}: ${error.message}`);
  return redact(`Error: ${String(error)}`);
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * The message of a work closed on success, e.g. `Imported 30 records as 92 STIX objects in 3 batches (92
 * messages), 1 record skipped`; in validation mode (`workbench`), `Uploaded 30 records as 92 STIX objects in 3
 * batches to the workbench for validation`.
 */
export function workSummaryMessage(figures: RunFigures, options: { workbench?: boolean } = {}): string {
  const skipped = figures.skipped === 0 ? "" : `, ${plural(figures.skipped, "record")} skipped`;
  const what = `${plural(figures.records, "record")} as ${plural(figures.objects, "STIX object")} in ${plural(figures.batches, "batch", "batches")}`;
  if (options.workbench === true) return `Uploaded ${what} to the workbench for validation${skipped}`;
  return `Imported ${what} (${plural(figures.sent, "message")})${skipped}`;
}
