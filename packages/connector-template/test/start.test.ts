import { randomUUID } from "node:crypto";
import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runConnectorProgram } from "@org/opencti-connector-testkit";
import { useTestbed } from "@org/opencti-connector-testkit/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FixtureServer, startFixtureServer } from "../dev/fixture-server.js";

const ENTRY = fileURLToPath(new URL("../src/index.ts", import.meta.url));

/** The emulator (API push: its worker runs in memory) and an empty working directory for `config.yml`. */
const bed = useTestbed();
let feed: FixtureServer;
beforeAll(async () => {
  feed = await startFixtureServer({ rebaseTo: Date.now() });
});
afterAll(() => feed?.close());

/** Runs the connector as `pnpm start` does (its entry module as the main program) in `bed.cwd`, with only `env`. */
const start = (env: Record<string, string>) =>
  runConnectorProgram({ entry: ENTRY, execArgv: ["--import", import.meta.resolve("tsx")], cwd: bed.cwd, env });

describe("the connector as a program (pnpm start)", () => {
  it("reads config.yml in its working directory, runs once with CONNECTOR_RUN_AND_TERMINATE=true and exits 0", async () => {
    const connectorId = randomUUID();
    await writeFile(
      join(bed.cwd, "config.yml"),
      [
        "opencti:",
        `  url: '${bed.platform.url}'`,
        `  token: '${bed.platform.token}'`,
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
    const [work] = bed.platform.works(connectorId);
    expect(await bed.platform.waitForWork(work?.id ?? "none")).toMatchObject({ status: "complete", errors: [] });
    expect(bed.platform.state(connectorId)).toMatchObject({ since: feed.records.at(-1)?.updated_at });
    expect(bed.platform.objects({ type: "marking-definition" }).map((marking) => marking.name)).toEqual(["TLP:GREEN"]);
  });

  it("exits 1 with every configuration problem listed, and the secret not shown", async () => {
    await rm(join(bed.cwd, "config.yml"), { force: true });
    const { code, stderr } = await start({
      OPENCTI_URL: bed.platform.url,
      OPENCTI_TOKEN: bed.platform.token,
      CONNECTOR_ID: randomUUID(),
      TEMPLATE_TLP_LEVEL: "white",
      TEMPLATE_IMPORT_START_DATE: "thirty days",
    });
    expect(code).toBe(1);
    expect(stderr).toContain("TEMPLATE_API_KEY");
    expect(stderr).toContain("TEMPLATE_TLP_LEVEL");
    expect(stderr).toContain("TEMPLATE_IMPORT_START_DATE");
    expect(stderr).not.toContain(bed.platform.token);
  });
});
