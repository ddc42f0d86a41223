/**
 * The workbench file name of a work's `n`-th delivery (1-based), spec §6.4: `<work id>.json` for the first, as pycti
 * names it, then `<work id>_<n>.json`, so the deliveries of one work do not replace each other's file on the
 * platform. Without a work, the bundle's id names the file (`<bundle id>.json`).
 */
export function workbenchFileName(workId: string | undefined, bundleId: string, n: number): string {
  if (workId === undefined) return `${bundleId}.json`;
  return n <= 1 ? `${workId}.json` : `${workId}_${n}.json`;
}
