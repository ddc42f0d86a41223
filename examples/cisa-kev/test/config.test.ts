import { randomUUID } from "node:crypto";
import { copyFile, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigError, loadConnectorConfig } from "@org/opencti-connector-sdk";
import { describeConnectorPackage } from "@org/opencti-connector-testkit/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cisaKevConfig, OFFICIAL_FEED_URL } from "../src/index.js";

/** The connector's folder. */
const ROOT = join(import.meta.dirname, "..");

const BASE_ENV = { OPENCTI_URL: "http://localhost:8080", OPENCTI_TOKEN: "a-token", CONNECTOR_ID: randomUUID() };
const DEFAULTS = { kev_feed_url: OFFICIAL_FEED_URL, kev_tlp_level: "clear", kev_batch_size: 200 };

describe("configuration", () => {
  let empty: string;
  beforeAll(async () => {
    empty = await mkdtemp(join(tmpdir(), "cisa-kev-config-"));
  });
  afterAll(() => rm(empty, { recursive: true, force: true }));

  it("runs on the catalog's official feed, TLP:CLEAR, daily, with nothing but the platform settings", () => {
    const config = loadConnectorConfig(cisaKevConfig, { env: BASE_ENV, cwd: empty });
    expect(config.cisa).toEqual(DEFAULTS);
    expect(config.connector).toMatchObject({
      name: "CISA Known Exploited Vulnerabilities",
      type: "EXTERNAL_IMPORT",
      scope: ["vulnerability", "software", "note"],
      durationPeriodMs: 86_400_000,
      logLevel: "info",
    });
  });

  it("reports every invalid CISA_KEV_* variable at once", () => {
    const env = { ...BASE_ENV, CISA_KEV_TLP_LEVEL: "white", CISA_KEV_BATCH_SIZE: "0", CISA_KEV_FEED_URL: "nope" };
    const error = (() => {
      try {
        loadConnectorConfig(cisaKevConfig, { env, cwd: empty });
      } catch (e) {
        return e;
      }
    })();
    expect(ConfigError.isInstance(error)).toBe(true);
    expect((error as ConfigError).issues.map((i) => [i.env, i.yamlPath, i.given])).toEqual([
      ["CISA_KEV_FEED_URL", "cisa.kev_feed_url", '"nope"'],
      ["CISA_KEV_TLP_LEVEL", "cisa.kev_tlp_level", '"white"'],
      ["CISA_KEV_BATCH_SIZE", "cisa.kev_batch_size", '"0"'],
    ]);
  });

  it("reads config.yml.sample's settings (once its ChangeMe values are replaced)", async () => {
    const dir = await mkdtemp(join(tmpdir(), "cisa-kev-sample-"));
    try {
      await copyFile(join(ROOT, "config.yml.sample"), join(dir, "config.yml"));
      const env = { OPENCTI_TOKEN: "a-token", CONNECTOR_ID: BASE_ENV.CONNECTOR_ID };
      const config = loadConnectorConfig(cisaKevConfig, { env, cwd: dir });
      expect(config.opencti.url).toBe("http://localhost:8080");
      expect(config.cisa).toEqual(DEFAULTS);
      expect(config.connector).toMatchObject({ logLevel: "info", durationPeriodMs: 86_400_000 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("docker-compose.yml sets only known variables, the connector's at their defaults", async () => {
    const compose = await readFile(join(ROOT, "docker-compose.yml"), "utf8");
    const variables = Object.fromEntries(
      [...compose.matchAll(/^\s+- ([A-Z][A-Z0-9_]*)=(.*)$/gm)].map(([, name, value]) => [name, value]),
    );
    const schema = JSON.parse(await readFile(join(ROOT, "__metadata__/connector_config_schema.json"), "utf8"));
    for (const name of Object.keys(variables)) {
      expect(name === "CONNECTOR_ID" || name in schema.properties, `${name} is not a setting`).toBe(true);
    }
    expect(variables).toMatchObject({
      CISA_KEV_FEED_URL: DEFAULTS.kev_feed_url,
      CISA_KEV_TLP_LEVEL: DEFAULTS.kev_tlp_level,
      CISA_KEV_BATCH_SIZE: String(DEFAULTS.kev_batch_size),
    });
  });
});

// The generated files up to date, the manifest by the catalog's rules, docker-compose.yml's stop grace period.
describeConnectorPackage({ dir: ROOT, config: cisaKevConfig });

describe("the catalog manifest", () => {
  it("names this connector", async () => {
    const manifest = JSON.parse(await readFile(join(ROOT, "__metadata__/connector_manifest.json"), "utf8"));
    expect(manifest).toMatchObject({
      slug: "cisa-kev",
      container_image: "opencti/connector-cisa-kev",
      container_type: cisaKevConfig.connector.type,
      container_version: "rolling",
    });
  });
});
