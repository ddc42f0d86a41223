import { randomUUID } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { runConnectorProgram } from "@org/opencti-connector-testkit";
import { useTestbed } from "@org/opencti-connector-testkit/vitest";
import { describe, expect, it } from "vitest";
import { FIXTURES } from "./support/datasets.js";

/** The connector's entry module. */
const ENTRY = join(import.meta.dirname, "..", "src", "index.ts");

describe("the connector's entry point", () => {
  // API push: the emulator's worker runs in memory, no broker needed.
  const bed = useTestbed({ files: FIXTURES });
  /** Runs `src/index.ts` as `pnpm start` runs `dist/index.js`: its own process, in `bed.cwd`, with only `env`. */
  const start = (env: Record<string, string>) =>
    runConnectorProgram({ entry: ENTRY, execArgv: ["--import", import.meta.resolve("tsx")], cwd: bed.cwd, env });

  it("reads config.yml in its working directory, runs once with CONNECTOR_RUN_AND_TERMINATE and exits 0", async () => {
    const connectorId = randomUUID();
    const yaml = `opencti:
  url: "${bed.platform.url}"
  token: "${bed.platform.token}"
connector:
  id: "${connectorId}"
  queue_protocol: "api"
  run_and_terminate: true
datasets:
  base_url: "${bed.files.url}"
  files: "geography"
`;
    await writeFile(join(bed.cwd, "config.yml"), yaml);
    const { code, stderr } = await start({});
    expect(code, stderr).toBe(0);
    const [work] = bed.platform.works(connectorId);
    expect(await bed.platform.waitForWork(work?.id ?? "")).toMatchObject({ status: "complete", errors: [] });
    expect(bed.platform.objects({ connectorId, type: "location" })).toHaveLength(5);
    expect(bed.platform.state(connectorId)?.files).toEqual({
      geography: expect.objectContaining({ tlp_level: "clear" }),
    });
    expect(stderr).toContain('"message": "Importing dataset"');
  });

  it("exits 1 on an invalid configuration, naming the variable", async () => {
    const { code, stderr } = await start({ DATASETS_FILES: "../etc/passwd" });
    expect(code).toBe(1);
    expect(stderr).toContain("DATASETS_FILES / YAML datasets.files: expected");
  });
});
