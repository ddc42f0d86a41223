import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type FileServer, type Platform, startFileServer, startPlatform } from "@org/opencti-connector-testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURES } from "./support/datasets.js";

/** The connector's folder. */
const ROOT = join(import.meta.dirname, "..");

/** Runs `src/index.ts` in its own process, as `pnpm start` runs `dist/index.js`, in `cwd` with only `env`. */
function start(cwd: string, env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(ROOT, "node_modules/.bin/tsx"), [join(ROOT, "src/index.ts")], {
      cwd,
      env: { PATH: process.env.PATH ?? "", ...env },
      stdio: ["ignore", "ignore", "pipe"],
    });
    const chunks: string[] = [];
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => chunks.push(chunk));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stderr: chunks.join("") }));
  });
}

describe("the connector's entry point", () => {
  let platform: Platform;
  let feed: FileServer;
  let cwd: string;
  beforeAll(async () => {
    // API push: the emulator's worker runs in memory, no broker needed.
    platform = await startPlatform();
    feed = await startFileServer({ dir: FIXTURES });
    cwd = await mkdtemp(join(tmpdir(), "datasets-start-"));
  });
  afterAll(async () => {
    await platform?.stop();
    await feed?.close();
    if (cwd) await rm(cwd, { recursive: true, force: true });
  });

  it("reads config.yml in its working directory, runs once with CONNECTOR_RUN_AND_TERMINATE and exits 0", async () => {
    const connectorId = randomUUID();
    const yaml = `opencti:
  url: "${platform.url}"
  token: "${platform.token}"
connector:
  id: "${connectorId}"
  queue_protocol: "api"
  run_and_terminate: true
datasets:
  base_url: "${feed.url}"
  files: "geography"
`;
    await writeFile(join(cwd, "config.yml"), yaml);
    const { code, stderr } = await start(cwd, {});
    expect(code, stderr).toBe(0);
    const [work] = platform.works(connectorId);
    expect(await platform.waitForWork(work?.id ?? "")).toMatchObject({ status: "complete", errors: [] });
    expect(platform.objects({ connectorId, type: "location" })).toHaveLength(5);
    expect(platform.state(connectorId)?.files).toEqual({ geography: expect.objectContaining({ tlp_level: "clear" }) });
    expect(stderr).toContain('"message": "Importing dataset"');
  });

  it("exits 1 on an invalid configuration, naming the variable", async () => {
    const { code, stderr } = await start(cwd, { DATASETS_FILES: "../etc/passwd" });
    expect(code).toBe(1);
    expect(stderr).toContain("DATASETS_FILES / YAML datasets.files: expected");
  });
});
