import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type FileServer, type Platform, startFileServer, startPlatform } from "@org/opencti-connector-testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/** The connector's folder. */
const ROOT = join(import.meta.dirname, "..");

/** Runs `src/index.ts` as `pnpm start` runs `dist/index.js`: its own process, in `cwd`, with only `env`. */
function start(cwd: string, env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(ROOT, "node_modules/.bin/tsx"), [join(ROOT, "src/index.ts")], {
      cwd,
      env: { PATH: process.env.PATH ?? "", ...env },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stderr }));
  });
}

describe("the connector's entry point", () => {
  let platform: Platform;
  let feed: FileServer;
  let cwd: string;
  beforeAll(async () => {
    // API push: the emulator's worker runs in memory, no broker needed.
    platform = await startPlatform();
    feed = await startFileServer({ dir: fileURLToPath(new URL("../fixtures", import.meta.url)) });
    cwd = await mkdtemp(join(tmpdir(), "cisa-kev-start-"));
  });
  afterAll(async () => {
    await platform?.stop();
    await feed?.close();
    if (cwd) await rm(cwd, { recursive: true, force: true });
  });

  it("reads config.yml in its working directory, runs once with CONNECTOR_RUN_AND_TERMINATE and exits 0", async () => {
    const connectorId = randomUUID();
    const yaml = [
      "opencti:",
      `  url: "${platform.url}"`,
      `  token: "${platform.token}"`,
      "connector:",
      `  id: "${connectorId}"`,
      '  queue_protocol: "api"',
      "cisa:",
      `  kev_feed_url: "${feed.fileUrl("known_exploited_vulnerabilities.json")}"`,
      '  kev_tlp_level: "green"',
    ].join("\n");
    await writeFile(join(cwd, "config.yml"), `${yaml}\n`);
    const { code, stderr } = await start(cwd, { CONNECTOR_RUN_AND_TERMINATE: "true" });
    expect(code, stderr).toBe(0);
    const [work] = platform.works(connectorId);
    expect(await platform.waitForWork(work?.id ?? "")).toMatchObject({ status: "complete", errors: [] });
    const vulnerabilities = platform.objects({ connectorId, type: "vulnerability" });
    expect(vulnerabilities).toHaveLength(23);
    expect(vulnerabilities[0]?.object_marking_refs).toEqual([
      "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da",
    ]);
    // JSON log lines on stderr, as pycti writes them.
    expect(stderr).toContain('"message": "KEV catalog downloaded"');
  });

  it("exits 1 on an invalid configuration, naming the variable", async () => {
    const { code, stderr } = await start(cwd, {
      OPENCTI_URL: platform.url,
      OPENCTI_TOKEN: platform.token,
      CONNECTOR_ID: randomUUID(),
      CISA_KEV_TLP_LEVEL: "purple",
    });
    expect(code).toBe(1);
    expect(stderr).toContain("CISA_KEV_TLP_LEVEL / YAML cisa.kev_tlp_level: expected one of");
  });
});
