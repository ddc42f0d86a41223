import type { ConnectorSnapshot } from "../store/connector-store.js";
import type { DanglingReference, IngestedRecord } from "../store/ingest-store.js";
import type { WorkSnapshot } from "../store/work-store.js";
import type { WorkerStats } from "../worker/message-processor.js";
import { displayName } from "./display-name.js";
import { escapeHtml as h } from "./html.js";

/** Everything the page shows, read from the emulator at request time. */
export interface PageData {
  version: string;
  /** `amqp://guest:***@host:5672/%2F`, or `null` without a broker. */
  broker: string | null;
  connectors: readonly ConnectorSnapshot[];
  works: readonly WorkSnapshot[];
  objects: readonly IngestedRecord[];
  countsByType: Readonly<Record<string, number>>;
  dangling: readonly DanglingReference[];
  worker: WorkerStats;
  /** The `q` search parameter. */
  search: string;
}

/** Objects listed at most (the counts cover everything). */
const MAX_OBJECT_ROWS = 500;

/**
 * The read-only page served at `/`: connectors (last ping, state), works (status, expected/processed, errors)
 * and ingested objects by type, searchable by id or name (server-side with `?q=`, live in the browser).
 */
export function renderPage(data: PageData): string {
  const search = data.search.trim().toLowerCase();
  const matching = data.objects.filter((r) => matches(r, search));
  const connectorName = new Map(data.connectors.map((c) => [c.id, c.name]));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>OpenCTI testkit emulator</title>
<style>
body{font-family:system-ui,sans-serif;margin:1.5rem;color:#1d2433}
table{border-collapse:collapse;margin:.5rem 0 1.5rem;font-size:.9rem}
th,td{border:1px solid #ccd;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#eef}
code{font-size:.85rem;word-break:break-all}
.complete{color:#2e7d32}.progress,.wait{color:#d84315}.muted{color:#667}
</style>
</head>
<body>
<h1>OpenCTI testkit emulator</h1>
<p>Platform version <strong data-testid="version">${h(data.version)}</strong>; ${
    data.broker ? `broker <code>${h(data.broker)}</code>` : "no broker (API push only, in-memory worker)"
  }; worker: ${data.worker.messages} messages, ${data.worker.imported} objects imported, ${data.worker.failed} failed.</p>
<h2>Connectors (${data.connectors.length})</h2>
<table data-testid="connectors">
<thead><tr><th>Name</th><th>Id</th><th>Type</th><th>Last ping</th><th>State</th></tr></thead>
<tbody>
${data.connectors.map(connectorRow).join("\n") || '<tr><td colspan="5" class="muted">No connector registered yet.</td></tr>'}
</tbody>
</table>
<h2>Works (${data.works.length})</h2>
<table data-testid="works">
<thead><tr><th>Name</th><th>Connector</th><th>Status</th><th>Processed / expected</th><th>Errors</th></tr></thead>
<tbody>
${data.works.map((w) => workRow(w, connectorName.get(w.connectorId) ?? w.connectorId)).join("\n") || '<tr><td colspan="5" class="muted">No work yet.</td></tr>'}
</tbody>
</table>
<h2>Objects by type (${data.objects.length})</h2>
<table data-testid="counts">
<thead><tr><th>Type</th><th>Count</th></tr></thead>
<tbody>
${Object.entries(data.countsByType)
  .map(([type, count]) => `<tr data-type="${h(type)}"><td>${h(type)}</td><td>${count}</td></tr>`)
  .join("\n")}
</tbody>
</table>
<form method="get" action="/">
<label>Search objects by id or name <input id="search" name="q" type="search" value="${h(data.search)}" autocomplete="off"></label>
<button type="submit">Search</button>
</form>
<table data-testid="objects">
<thead><tr><th>Type</th><th>Id</th><th>Name</th></tr></thead>
<tbody>
${matching
  .slice(0, MAX_OBJECT_ROWS)
  .map(
    (r) =>
      `<tr data-search="${h(`${r.object.id} ${displayName(r.object)}`.toLowerCase())}"><td>${h(r.object.type)}</td><td><code>${h(r.object.id)}</code></td><td>${h(displayName(r.object))}</td></tr>`,
  )
  .join("\n")}
</tbody>
</table>
<p class="muted" data-testid="objects-shown">${Math.min(matching.length, MAX_OBJECT_ROWS)} of ${matching.length} matching objects shown.</p>
<h2>Dangling references (${data.dangling.length})</h2>
<table data-testid="dangling">
<thead><tr><th>From</th><th>Path</th><th>Missing id</th></tr></thead>
<tbody>
${data.dangling.map((d) => `<tr><td><code>${h(d.from)}</code></td><td>${h(d.path)}</td><td><code>${h(d.ref)}</code></td></tr>`).join("\n")}
</tbody>
</table>
<script>
// Live filter: hide object rows that do not contain the search text.
document.getElementById("search").addEventListener("input", (event) => {
  const text = event.target.value.trim().toLowerCase();
  for (const row of document.querySelectorAll("tr[data-search]")) {
    row.hidden = text !== "" && !row.dataset.search.includes(text);
  }
});
</script>
</body>
</html>
`;
}

function matches(record: IngestedRecord, search: string): boolean {
  if (search === "") return true;
  return `${record.object.id} ${displayName(record.object)}`.toLowerCase().includes(search);
}

function connectorRow(c: ConnectorSnapshot): string {
  return `<tr data-connector-id="${h(c.id)}"><td>${h(c.name)}</td><td><code>${h(c.id)}</code></td><td>${h(c.type)}</td><td>${
    c.lastPingAt ? h(c.lastPingAt) : '<span class="muted">never</span>'
  }</td><td><code data-testid="state">${c.state === null ? '<span class="muted">none</span>' : h(c.state)}</code></td></tr>`;
}

function workRow(w: WorkSnapshot, connector: string): string {
  const processed = w.status === "complete" ? w.completedNumber : w.processed;
  const errors = w.errors.length
    ? `<details><summary>${w.errors.length} error(s)</summary><ul>${w.errors
        .map((e) => `<li>${h(e.message)}${e.source ? ` <code>${h(e.source.slice(0, 300))}</code>` : ""}</li>`)
        .join("")}</ul></details>`
    : "0";
  return `<tr data-work-id="${h(w.id)}"><td>${h(w.name)}<br><code class="muted">${h(w.id)}</code></td><td>${h(connector)}</td><td class="${h(w.status)}" data-testid="status">${h(w.status)}</td><td data-testid="tracking">${processed} / ${w.expected}</td><td>${errors}</td></tr>`;
}
