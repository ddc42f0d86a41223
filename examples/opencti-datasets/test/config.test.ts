import { randomUUID } from "node:crypto";
import { copyFile, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigError, loadConnectorConfig } from "@org/opencti-connector-sdk";
import { comparableMetadata, renderConnectorMetadata } from "@org/opencti-connector-testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { datasetsConfig, UPSTREAM_BASE_URL } from "../src/index.js";

/** The connector's folder. */
const ROOT = join(import.meta.dirname, "..");

const BASE_ENV = { OPENCTI_URL: "http://localhost:8080", OPENCTI_TOKEN: "a-token", CONNECTOR_ID: randomUUID() };
const DEFAULTS = { base_url: UPSTREAM_BASE_URL, files: ["sectors", "geography", "companies"], tlp_level: "clear" };

describe("configuration", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "datasets-config-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("reads the three upstream files daily, TLP:CLEAR, with nothing but the platform settings", () => {
    const config = loadConnectorConfig(datasetsConfig, { env: BASE_ENV, cwd: dir });
    expect(config.datasets).toEqual(DEFAULTS);
    expect(config.connector).toMatchObject({
      name: "OpenCTI Datasets",
      scope: ["identity", "location"],
      durationPeriodMs: 86_400_000,
    });
  });

  it("takes DATASETS_FILES as a comma-separated list, .json optional", () => {
    const env = { ...BASE_ENV, DATASETS_FILES: " sectors.json, companies ,," };
    expect(loadConnectorConfig(datasetsConfig, { env, cwd: dir }).datasets.files).toEqual([
      "sectors.json",
      "companies",
    ]);
  });

  it("reports every invalid DATASETS_* variable at once", () => {
    const env = { ...BASE_ENV, DATASETS_FILES: "../secrets", DATASETS_TLP_LEVEL: "white", DATASETS_BASE_URL: "data" };
    let error: unknown;
    try {
      loadConnectorConfig(datasetsConfig, { env, cwd: dir });
    } catch (e) {
      error = e;
    }
    expect(ConfigError.isInstance(error)).toBe(true);
    expect((error as ConfigError).issues.map((i) => i.env)).toEqual([
      "DATASETS_BASE_URL",
      "DATASETS_FILES",
      "DATASETS_TLP_LEVEL",
    ]);
  });

  it("reads config.yml.sample's settings (once its ChangeMe values are replaced)", async () => {
    await copyFile(join(ROOT, "config.yml.sample"), join(dir, "config.yml"));
    try {
      const env = { OPENCTI_TOKEN: "a-token", CONNECTOR_ID: BASE_ENV.CONNECTOR_ID };
      const config = loadConnectorConfig(datasetsConfig, { env, cwd: dir });
      expect(config.opencti.url).toBe("http://localhost:8080");
      expect(config.datasets).toEqual(DEFAULTS);
    } finally {
      await rm(join(dir, "config.yml"));
    }
  });

  it("docker-compose.yml sets only known variables, the connector's at their defaults", async () => {
    const compose = await readFile(join(ROOT, "docker-compose.yml"), "utf8");
    const variables = Object.fromEntries(
      [...compose.matchAll(/^\s+- ([A-Z][A-Z0-9_]*)=(.*)$/gm)].map(([, name, value]) => [name, value]),
    );
    const schema = JSON.parse(await readFile(join(ROOT, "__metadata__/connector_config_schema.json"), "utf8"));
    const unknown = Object.keys(variables).filter((name) => name !== "CONNECTOR_ID" && !(name in schema.properties));
    expect(unknown).toEqual([]);
    expect(variables).toMatchObject({
      DATASETS_BASE_URL: DEFAULTS.base_url,
      DATASETS_FILES: DEFAULTS.files.join(","),
      DATASETS_TLP_LEVEL: DEFAULTS.tlp_level,
    });
  });
});

describe("docker-compose.yml", () => {
  it("gives the connector longer to stop than the SDK's 30 s shutdown grace (Docker's default is 10 s)", async () => {
    const compose = await readFile(join(ROOT, "docker-compose.yml"), "utf8");
    expect(compose).toMatch(/^ {4}stop_grace_period: 45s$/m);
  });
});

describe("generated metadata", () => {
  it("is up to date with src/index.ts (run `pnpm metadata` after changing the configuration)", async () => {
    for (const [path, expected] of Object.entries(renderConnectorMetadata({ dir: ROOT, config: datasetsConfig }))) {
      const actual = await readFile(join(ROOT, path), "utf8");
      expect(comparableMetadata(path, actual), path).toBe(comparableMetadata(path, expected));
    }
  });

  it("has a catalog manifest naming this connector", async () => {
    const manifest = JSON.parse(await readFile(join(ROOT, "__metadata__/connector_manifest.json"), "utf8"));
    expect(manifest).toMatchObject({
      slug: "opencti-datasets",
      container_image: "opencti/connector-opencti-datasets",
      container_type: datasetsConfig.connector.type,
      support_version: ">=6.8.12",
    });
    expect(Object.keys(manifest)).toHaveLength(20);
  });
});
