import type { z } from "zod";
import type { KevEntry } from "./client.js";
import type { cisaKevState } from "./index.js";

/** How far the import got (the connector's state without the SDK's `last_run`). */
export type KevCursor = z.output<typeof cisaKevState>;

/** Orders entries by `dateAdded`, then CVE id: the import order the cursor relies on. */
function byDateThenCve(a: KevEntry, b: KevEntry): number {
  if (a.dateAdded !== b.dateAdded) return a.dateAdded < b.dateAdded ? -1 : 1;
  return a.cveID < b.cveID ? -1 : a.cveID > b.cveID ? 1 : 0;
}

/**
 * The entries not imported yet, oldest first: every entry added after the cursor's date, and those added on that
 * date whose CVE id is not among the ones already imported. With no cursor, the whole catalog.
 */
export function pendingEntries(entries: readonly KevEntry[], cursor: KevCursor): KevEntry[] {
  const { last_date_added: date } = cursor;
  const done = new Set(cursor.last_date_cves ?? []);
  return entries
    .filter((e) => date === undefined || e.dateAdded > date || (e.dateAdded === date && !done.has(e.cveID)))
    .sort(byDateThenCve);
}

/**
 * The cursor once `batch` (the next entries in import order) is imported: the batch's newest date, with the CVE
 * ids imported on that date, those of earlier batches of the same date included.
 */
export function cursorAfter(cursor: KevCursor, batch: readonly KevEntry[]): KevCursor {
  const last = batch.at(-1);
  if (last === undefined) return cursor;
  const date = last.dateAdded;
  const earlier = cursor.last_date_added === date ? (cursor.last_date_cves ?? []) : [];
  const added = batch.filter((e) => e.dateAdded === date).map((e) => e.cveID);
  return { last_date_added: date, last_date_cves: [...new Set([...earlier, ...added])] };
}
