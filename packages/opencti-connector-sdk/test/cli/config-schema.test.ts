import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { connectorConfigDoc } from "../../src/config/connector-config-doc.js";
import { connectorConfigJsonSchema } from "../../src/config/connector-config-json-schema.js";
import type { ConnectorConfigDefinition } from "../../src/config/define-connector-config.js";
import { builtCli, PACKAGE_DIR, runInProcess, spawnCli } from "./support/cli-harness.js";

/** Imports the published SDK by name (the package's own build), as a connector's built module does. */
const MODULE = join(PACKAGE_DIR, "test/fixtures/cli/config-module.mjs");
let config: ConnectorConfigDefinition;

beforeAll(async () => {
  builtCli();
  config = ((await import(pathToFileURL(MODULE).href)) as { default: ConnectorConfigDefinition }).default;
});

let directory = "";
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function read(dir: string) {
  return {
    schema: JSON.parse(await readFile(join(dir, "connector_config_schema.json"), "utf8")),
    doc: await readFile(join(dir, "CONNECTOR_CONFIG_DOC.md"), "utf8"),
  };
}

describe("opencti-connector config-schema", () => {
  it("writes the catalog schema and the variable table of the exported definition", async () => {
    directory = await mkdtemp(join(tmpdir(), "cli-schema-"));
    const run = await runInProcess(["config-schema", "--namespace", "template", "--module", MODULE], {
      cwd: directory,
    });
    expect(run).toEqual({
      code: 0,
      stdout: "wrote __metadata__/connector_config_schema.json\nwrote __metadata__/CONNECTOR_CONFIG_DOC.md\n",
      stderr: "",
    });
    const expected = connectorConfigJsonSchema(config);
    const written = await read(join(directory, "__metadata__"));
    expect(written.schema).toEqual(expected);
    expect(written.schema.properties.TEMPLATE_API_KEY).toMatchObject({
      type: "string",
      format: "password",
      writeOnly: true,
    });
    expect(written.doc).toBe(connectorConfigDoc(expected));
    expect(written.doc).toContain("TEMPLATE_TLP_LEVEL");
  });

  it("imports a built module's default export with the built executable, into --out with --slug", async () => {
    directory = await mkdtemp(join(tmpdir(), "cli-schema-"));
    const out = join(directory, "meta");
    const run = await spawnCli([
      "config-schema",
      "--namespace",
      "template",
      "--module",
      MODULE,
      "--out",
      out,
      "--slug",
      "acme-feed",
    ]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const { schema } = await read(out);
    expect(schema).toEqual(connectorConfigJsonSchema(config, { slug: "acme-feed" }));
    expect(schema.$id).toBe("https://www.filigran.io/connectors/acme-feed_config.schema.json");
  });

  it("names the namespaces it found when none matches, and the missing options", async () => {
    const run = await runInProcess(["config-schema", "--namespace", "acme", "--module", MODULE]);
    expect(run).toEqual({
      code: 1,
      stdout: "",
      stderr:
        `error: ${MODULE} exports no connector config definition with namespace "acme" (found: "template", "other", "noperiod"); ` +
        'export the value returned by defineConnectorConfig, e.g. export const config = defineConnectorConfig({ namespace: "acme", ... })\n',
    });
    expect((await runInProcess(["config-schema", "--module", MODULE])).stderr).toBe(
      'error: --namespace is required (see "opencti-connector config-schema --help")\n',
    );
    expect((await runInProcess(["config-schema", "--namespace", "other", "--module", "missing.js"])).stderr).toBe(
      "error: cannot read missing.js: no such file\n",
    );
  });

  it("explains why a definition cannot give a catalog schema", async () => {
    expect(await runInProcess(["config-schema", "--namespace", "noperiod", "--module", MODULE])).toEqual({
      code: 1,
      stdout: "",
      stderr:
        'error: cannot build the schema of "noperiod": The catalog schema of an external import needs connector.durationPeriod (e.g. PT1H)\n',
    });
  });
});
