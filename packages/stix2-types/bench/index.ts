/**
 * Benchmarks of @org/stix2-types, run with `pnpm bench` (one core, figures printed, never asserted).
 *
 * - ids/s: `generateId` for indicator, ipv4-addr, file by hashes and relationship, on distinct inputs.
 * - objects validated/s: `parseStixObject` on the objects of the shared "synthetic N" workload
 *   (`shared/bench/README.md`: author, TLP:GREEN, then per i an ipv4-addr, an indicator and a based-on relationship).
 * - objects built/s: the same workload through the builders (id + validation + defaults).
 */
import { createHash } from "node:crypto";
import { performance } from "node:perf_hooks";
import {
  generateId,
  parseStixObject,
  type StixIdInput,
  type StixObject,
  TLP_GREEN,
  withDefaults,
} from "../src/index.js";

const N = 10_000;
const gc = (globalThis as { gc?: () => void }).gc;

function ip(i: number): string {
  return `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
}

function hex(i: number, algorithm: string): string {
  return createHash(algorithm).update(String(i)).digest("hex");
}

/** Runs `fn` over `inputs` repeatedly for about `ms` milliseconds and returns operations per second. */
function rate<T>(inputs: readonly T[], fn: (input: T) => unknown, ms = 1500): number {
  for (const input of inputs.slice(0, 2000)) fn(input); // warm-up: let the JIT settle
  gc?.();
  let ops = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    for (const input of inputs) fn(input);
    ops += inputs.length;
    elapsed = performance.now() - start;
  }
  return (ops / elapsed) * 1000;
}

function format(value: number): string {
  return Math.round(value).toLocaleString("en-US").padStart(12);
}

const indicators: StixIdInput[] = [];
const ipv4s: StixIdInput[] = [];
const files: StixIdInput[] = [];
const relationships: StixIdInput[] = [];
for (let i = 0; i < N; i += 1) {
  indicators.push({ type: "indicator", pattern: `[ipv4-addr:value = '${ip(i)}']` });
  ipv4s.push({ type: "ipv4-addr", value: ip(i) });
  files.push({ type: "file", hashes: { "SHA-256": hex(i, "sha256"), MD5: hex(i, "md5") }, name: `sample-${i}.exe` });
  relationships.push({
    type: "relationship",
    relationship_type: "based-on",
    source_ref: `indicator--${hex(i, "md5").replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, "$1-$2-$3-$4-$5")}`,
    target_ref: `ipv4-addr--${hex(i, "sha1")
      .slice(0, 32)
      .replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, "$1-$2-$3-$4-$5")}`,
  });
}

const created = "2025-01-01T00:00:00.000Z";
const author = withDefaults({ now: Date.parse(created) }).identity({
  name: "Perf Baseline Source",
  identity_class: "organization",
});
const b = withDefaults({ createdBy: author, markings: [TLP_GREEN], now: Date.parse(created) });
const buildInputs = Array.from({ length: N }, (_, i) => i);
function buildOne(i: number): StixObject[] {
  const address = b.ipv4Address({ value: ip(i) });
  const indicator = b.indicator({
    name: ip(i),
    pattern: `[ipv4-addr:value = '${ip(i)}']`,
    description: `Synthetic indicator ${i}`,
    valid_from: created,
  });
  return [
    address,
    indicator,
    b.relationship({ relationship_type: "based-on", source_ref: indicator.id, target_ref: address.id }),
  ];
}
const workload: StixObject[] = [author, TLP_GREEN, ...buildInputs.flatMap(buildOne)];
// Parse from JSON, as objects arrive from a feed or a file.
const parsedWorkload = JSON.parse(JSON.stringify(workload)) as unknown[];

console.log(
  `@org/stix2-types benchmark (Node ${process.version}, ${N.toLocaleString("en-US")} distinct inputs per case)`,
);
console.log("generateId                         ids/s");
console.log(`  indicator                 ${format(rate(indicators, generateId))}`);
console.log(`  ipv4-addr                 ${format(rate(ipv4s, generateId))}`);
console.log(`  file (by hashes)          ${format(rate(files, generateId))}`);
console.log(`  relationship              ${format(rate(relationships, generateId))}`);
console.log("parseStixObject                objects/s");
console.log(`  synthetic workload mix    ${format(rate(parsedWorkload, parseStixObject))}`);
console.log("builders (id + validation)     objects/s");
console.log(`  synthetic workload        ${format(rate(buildInputs, buildOne) * 3)}`);
