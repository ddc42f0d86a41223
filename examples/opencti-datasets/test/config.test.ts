import { randomUUID } from "node:crypto";
import { copyFile, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigError, loadConnectorConfig } from "@org/opencti-connector-sdk";
import { describeConnectorPackage } from "@org/opencti-connector-testkit/vitest";
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

// The generated files up to date, the manifest by the catalog's rules, docker-compose.yml's stop grace period.
describeConnectorPackage({ dir: ROOT, config: datasetsConfig });

describe("the catalog manifest", () => {
  it("names this connector", async () => {
    const manifest = JSON.parse(await readFile(join(ROOT, "__metadata__/connector_manifest.json"), "utf8"));
    expect(manifest).toMatchObject({
      slug: "opencti-datasets",
      container_image: "opencti/connector-opencti-datasets",
      container_type: datasetsConfig.connector.type,
      support_version: ">=6.8.12",
    });
  });
});
