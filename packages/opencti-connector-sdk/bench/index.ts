/**
 * `pnpm bench`: runs every benchmark of the package, each in its own process (so peak memory figures are its own),
 * and prints their figures. `node --import tsx bench/index.ts <name>...` runs only the named ones.
 *
 * To add a benchmark, add a file exporting `run(): Promise<void>` and list it in BENCHMARKS.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const BENCHMARKS: Record<string, string> = {
  "delivery-throughput": "./delivery-throughput.ts",
  "delivery-memory": "./delivery-memory.ts",
  "connector-100k": "./connector-100k.ts",
  "connector-1m": "./connector-1m.ts",
  "cli-send": "./cli-send.ts",
};

const [, , ...args] = process.argv;
if (args[0] === "--run") {
  // Child process: run one benchmark.
  const module = (await import(BENCHMARKS[args[1] ?? ""] ?? "")) as { run: () => Promise<void> };
  await module.run();
} else {
  const selected = args.length > 0 ? args : Object.keys(BENCHMARKS);
  let failed = false;
  for (const name of selected) {
    if (BENCHMARKS[name] === undefined) {
      console.error(`unknown benchmark ${name}; known: ${Object.keys(BENCHMARKS).join(", ")}`);
      failed = true;
      continue;
    }
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), "--run", name], {
      stdio: "inherit",
    });
    if (child.status !== 0) failed = true;
  }
  process.exitCode = failed ? 1 : 0;
}
