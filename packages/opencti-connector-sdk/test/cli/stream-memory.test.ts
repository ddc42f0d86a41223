import { execFile } from "node:child_process";
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WORKLOAD_AUTHOR, WORKLOAD_MARKING, workloadTriple } from "../../bench/workload.js";
import { builtCli, PACKAGE_DIR } from "./support/cli-harness.js";

const run = promisify(execFile);
const ITEMS = 100_000;
/** The reader's process may use this much JavaScript heap: smaller than the file it reads (which parsed whole needs several times the file). */
const HEAP_MB = 64;

let directory = "";
let file = "";
let expectedBytes = 0;

/** Writes the reference workload (3 × ITEMS + 2 objects, about 94 MB) as one bundle, without holding it. */
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "cli-stream-"));
  file = join(directory, "large.json");
  const out = createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, "drain");
  };
  await write('{"type": "bundle", "objects": [\n');
  const objects = (function* () {
    yield WORKLOAD_AUTHOR;
    yield WORKLOAD_MARKING;
    for (let i = 0; i < ITEMS; i++) yield* workloadTriple(i);
  })();
  let first = true;
  for (const object of objects) {
    const text = JSON.stringify(object);
    expectedBytes += Buffer.byteLength(text);
    await write(`${first ? "" : ",\n"}${text}`);
    first = false;
  }
  await write('\n], "id": "bundle--6f1a9e63-1b0e-4b4a-9f5a-2e1d6c7b8a90"}\n');
  out.end();
  await once(out, "finish");
}, 60_000);

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe("readBundleEntries on a large file", () => {
  it("streams every object with a JavaScript heap far smaller than the file", async () => {
    builtCli();
    const size = (await stat(file)).size;
    expect(size).toBeGreaterThan(HEAP_MB * 1.4 * 1024 * 1024);
    const entry = pathToFileURL(join(PACKAGE_DIR, "dist/index.mjs")).href;
    const script = `
      const { readBundleEntries } = await import(${JSON.stringify(entry)});
      const { createReadStream } = await import("node:fs");
      let objects = 0, bytes = 0, last;
      const entries = readBundleEntries(createReadStream(${JSON.stringify(file)}));
      for (let next = await entries.next(); ; next = await entries.next()) {
        if (next.done) { last = next.value; break; }
        objects++; bytes += next.value.bytes;
      }
      console.log(JSON.stringify({ objects, bytes, id: last.properties.id }));`;
    const { stdout } = await run(
      process.execPath,
      [`--max-old-space-size=${HEAP_MB}`, "--input-type=module", "-e", script],
      {
        cwd: PACKAGE_DIR,
      },
    );
    expect(JSON.parse(stdout)).toEqual({
      objects: 3 * ITEMS + 2,
      bytes: expectedBytes,
      id: "bundle--6f1a9e63-1b0e-4b4a-9f5a-2e1d6c7b8a90",
    });
  }, 60_000);

  it("cannot hold the same file whole in that heap (the limit is meaningful)", async () => {
    const script = `JSON.parse(require("node:fs").readFileSync(${JSON.stringify(file)}, "utf8"))`;
    await expect(run(process.execPath, [`--max-old-space-size=${HEAP_MB}`, "-e", script])).rejects.toThrow();
  }, 60_000);
});
