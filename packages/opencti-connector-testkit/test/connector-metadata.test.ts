import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connectorConfigDoc, defineConnectorConfig, secret } from "@org/opencti-connector-sdk";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import {
  comparableMetadata,
  README_CONFIG_END,
  README_CONFIG_START,
  renderConnectorMetadata,
  writeConnectorMetadata,
} from "../src/index.js";

const config = defineConnectorConfig({
  namespace: "acme",
  schema: z.object({
    base_url: z.url().default("https://feed.example.com").describe("Where the feed is | served."),
    api_key: secret(z.string().min(1)).describe("API key of the feed."),
    tlp_level: z.enum(["clear", "red"]).default("clear").describe("TLP of every object."),
  }),
  connector: { type: "EXTERNAL_IMPORT", name: "Acme Feed", scope: ["indicator"], durationPeriod: "P1D" },
});

const README = `# Acme Feed\n\n## Configuration\n\n${README_CONFIG_START}\nstale\n${README_CONFIG_END}\n\n## Usage\n`;

let dir: string;
beforeEach(async () => {
  // Under the system's temporary folder: no Biome resolves from there, as in a standalone connector.
  dir = await mkdtemp(join(tmpdir(), "testkit-metadata-"));
  await mkdir(join(dir, "__metadata__"));
  await writeFile(join(dir, "__metadata__", "connector_manifest.json"), JSON.stringify({ slug: "acme-feed" }));
  await writeFile(join(dir, "README.md"), README);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe("renderConnectorMetadata", () => {
  it("renders the catalog schema with the manifest's slug, its doc, and the README's tables between the markers", () => {
    const files = renderConnectorMetadata({ dir, config });
    expect(Object.keys(files)).toEqual([
      "__metadata__/connector_config_schema.json",
      "__metadata__/CONNECTOR_CONFIG_DOC.md",
      "README.md",
    ]);
    const schema = JSON.parse(files["__metadata__/connector_config_schema.json"] ?? "");
    expect(schema.$id).toBe("https://www.filigran.io/connectors/acme-feed_config.schema.json");
    expect(files["__metadata__/CONNECTOR_CONFIG_DOC.md"]).toBe(connectorConfigDoc(schema));
    const readme = files["README.md"] ?? "";
    expect(readme.startsWith(`# Acme Feed\n\n## Configuration\n\n${README_CONFIG_START}\n\n### OpenCTI`)).toBe(true);
    expect(readme.endsWith(`\n\n${README_CONFIG_END}\n\n## Usage\n`)).toBe(true);
    expect(readme).not.toContain("stale");
    const own = readme.slice(readme.indexOf("### Connector extra parameters environment variables"));
    expect(own.split("\n").slice(2, 7)).toEqual([
      "| Parameter | config.yml | Docker environment variable | Default | Mandatory | Description |",
      "| --------- | ---------- | --------------------------- | ------- | --------- | ----------- |",
      "| base url | `acme.base_url` | `ACME_BASE_URL` | `https://feed.example.com` | No | Where the feed is \\| served. |",
      "| api key | `acme.api_key` | `ACME_API_KEY` |  | Yes | API key of the feed. |",
      "| tlp level | `acme.tlp_level` | `ACME_TLP_LEVEL` | `clear` | No | TLP of every object. One of `clear`, `red`. |",
    ]);
    expect(readme).toContain("| scope | `connector.scope` | `CONNECTOR_SCOPE` | `indicator` | No |");
  });

  it("refuses a README without the markers and a manifest without a kebab-case slug, naming the file", async () => {
    await writeFile(join(dir, "README.md"), "# Acme Feed\n");
    expect(() => renderConnectorMetadata({ dir, config })).toThrow(
      `${join(dir, "README.md")} must contain ${README_CONFIG_START} then ${README_CONFIG_END}`,
    );
    await writeFile(join(dir, "__metadata__", "connector_manifest.json"), JSON.stringify({ slug: "Acme Feed" }));
    expect(() => renderConnectorMetadata({ dir, config })).toThrow(
      `${join(dir, "__metadata__", "connector_manifest.json")}: slug must be kebab-case, e.g. "acme-feed"`,
    );
  });
});

describe("writeConnectorMetadata", () => {
  it("writes the rendered files (unformatted where no Biome resolves) and returns their paths", async () => {
    const rendered = renderConnectorMetadata({ dir, config });
    expect(writeConnectorMetadata({ dir, config })).toEqual(Object.keys(rendered));
    for (const [path, content] of Object.entries(rendered)) {
      expect(await readFile(join(dir, path), "utf8")).toBe(content);
    }
  });
});

describe("comparableMetadata", () => {
  it("ignores table padding and JSON layout, not content", () => {
    const raw = "| a | b |\n| - | --- |\n| x \\| y | z |\ntext  ";
    const padded = "| a     | b   |\n| ----- | --- |\n| x \\| y | z   |\ntext";
    expect(comparableMetadata("README.md", padded)).toBe(comparableMetadata("README.md", raw));
    expect(comparableMetadata("README.md", padded)).not.toBe(comparableMetadata("README.md", raw.replace("z", "w")));
    expect(comparableMetadata("s.json", '{"a": [1,\n 2]}')).toBe(comparableMetadata("s.json", '{"a":[1,2]}'));
  });
});
