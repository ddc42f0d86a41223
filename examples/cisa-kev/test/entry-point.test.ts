import { randomUUID } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runConnectorProgram } from "@org/opencti-connector-testkit";
import { useTestbed } from "@org/opencti-connector-testkit/vitest";
import { describe, expect, it } from "vitest";

/** The connector's entry module. */
const ENTRY = join(import.meta.dirname, "..", "src", "index.ts");

describe("the connector's entry point", () => {
  // API push: the emulator's worker runs in memory, no broker needed.
  const bed = useTestbed({ files: fileURLToPath(new URL("../fixtures", import.meta.url)) });
  /** Runs `src/index.ts` as `pnpm start` runs `dist/index.js`: its own process, in `bed.cwd`, with only `env`. */
  const start = (env: Record<string, string>) =>
    runConnectorProgram({ entry: ENTRY, execArgv: ["--import", import.meta.resolve("tsx")], cwd: bed.cwd, env });

  it("reads config.yml in its working directory, runs once with CONNECTOR_RUN_AND_TERMINATE and exits 0", async () => {
    const connectorId = randomUUID();
    const yaml = [
      "opencti:",
      `  url: "${bed.platform.url}"`,
      `  token: "${bed.platform.token}"`,
      "connector:",
      `  id: "${connectorId}"`,
      '  queue_protocol: "api"',
      "cisa:",
      `  kev_feed_url: "${bed.files.fileUrl("known_exploited_vulnerabilities.json")}"`,
      '  kev_tlp_level: "green"',
    ].join("\n");
    await writeFile(join(bed.cwd, "config.yml"), `${yaml}\n`);
    const { code, stderr } = await start({ CONNECTOR_RUN_AND_TERMINATE: "true" });
    expect(code, stderr).toBe(0);
    const [work] = bed.platform.works(connectorId);
    expect(await bed.platform.waitForWork(work?.id ?? "")).toMatchObject({ status: "complete", errors: [] });
    const vulnerabilities = bed.platform.objects({ connectorId, type: "vulnerability" });
    expect(vulnerabilities).toHaveLength(23);
    expect(vulnerabilities[0]?.object_marking_refs).toEqual([
      "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da",
    ]);
    // JSON log lines on stderr, as pycti writes them.
    expect(stderr).toContain('"message": "KEV catalog downloaded"');
  });

  it("exits 1 on an invalid configuration, naming the variable", async () => {
    const { code, stderr } = await start({
      OPENCTI_URL: bed.platform.url,
      OPENCTI_TOKEN: bed.platform.token,
      CONNECTOR_ID: randomUUID(),
      CISA_KEV_TLP_LEVEL: "purple",
    });
    expect(code).toBe(1);
    expect(stderr).toContain("CISA_KEV_TLP_LEVEL / YAML cisa.kev_tlp_level: expected one of");
  });
});
