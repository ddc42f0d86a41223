import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Platform, startPlatform } from "@org/opencti-connector-testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FixtureServer, startFixtureServer } from "../dev/fixture-server.js";

const ENTRY = fileURLToPath(new URL("../src/index.ts", import.meta.url));
const TSX = import.meta.resolve("tsx");

let platform: Platform;
let feed: FixtureServer;
let cwd: string;
beforeAll(async () => {
  platform = await startPlatform();
  feed = await startFixtureServer({ rebaseTo: Date.now() });
  cwd = await mkdtemp(join(tmpdir(), "connector-template-start-"));
});
afterAll(async () => {
  await feed?.close();
  await platform?.stop();
  if (cwd) await rm(cwd, { recursive: true, force: true });
});

/** Runs the connector as `pnpm start` does (its entry module as the main program) in `cwd`, with only `env`. */
function start(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", TSX, ENTRY], {
      cwd,
      env: { PATH: process.env.PATH ?? "", ...env },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stderr }));
  });
}

describe("the connector as a program (pnpm start)", () => {
  it("reads config.yml in its working directory, runs once with CONNECTOR_RUN_AND_TERMINATE=true and exits 0", async () => {
    const connectorId = randomUUID();
    await writeFile(
      join(cwd, "config.yml"),
      [
        "opencti:",
        `  url: '${platform.url}'`,
        `  token: '${platform.token}'`,
        "connector:",
        `  id: '${connectorId}'`,
        "  queue_protocol: 'api'",
        "template:",
        `  api_base_url: '${feed.url}'`,
        `  api_key: '${feed.apiKey}'`,
        "  tlp_level: 'green'",
        "",
      ].join("\n"),
    );
    const { code, stderr } = await start({ CONNECTOR_RUN_AND_TERMINATE: "true", CONNECTOR_LOG_LEVEL: "error" });
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const [work] = platform.works(connectorId);
    expect(await platform.waitForWork(work?.id ?? "none")).toMatchObject({ status: "complete", errors: [] });
    expect(platform.state(connectorId)).toMatchObject({ since: feed.records.at(-1)?.updated_at });
    expect(platform.objects({ type: "marking-definition" }).map((marking) => marking.name)).toEqual(["TLP:GREEN"]);
  });

  it("exits 1 with every configuration problem listed, and the secret not shown", async () => {
    await rm(join(cwd, "config.yml"), { force: true });
    const { code, stderr } = await start({
      OPENCTI_URL: platform.url,
      OPENCTI_TOKEN: platform.token,
      CONNECTOR_ID: randomUUID(),
      TEMPLATE_TLP_LEVEL: "white",
      TEMPLATE_IMPORT_START_DATE: "thirty days",
    });
    expect(code).toBe(1);
    expect(stderr).toContain("TEMPLATE_API_KEY");
    expect(stderr).toContain("TEMPLATE_TLP_LEVEL");
    expect(stderr).toContain("TEMPLATE_IMPORT_START_DATE");
    expect(stderr).not.toContain(platform.token);
  });
});
