import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { comparableMetadata } from "../metadata/comparable-metadata.js";
import { connectorManifestProblems } from "../metadata/connector-manifest-problems.js";
import { type ConnectorMetadataOptions, renderConnectorMetadata } from "../metadata/connector-metadata.js";

/** The SDK's default shutdown grace period (`shutdownGracePeriodMs`), in seconds. */
const SDK_SHUTDOWN_GRACE_SECONDS = 30;

/**
 * Registers the checks every connector package passes, as one `describe`: each generated catalog file (see
 * `renderConnectorMetadata`) is up to date (`pnpm metadata` regenerates them), `__metadata__/connector_manifest.json`
 * follows the catalog's rules (`connectorManifestProblems`), and `docker-compose.yml` gives the container a
 * `stop_grace_period` longer than the SDK's 30 s shutdown grace (Docker's default, 10 s, would kill a connector
 * still waiting for its deliveries to be confirmed).
 *
 * @example
 * ```ts
 * describeConnectorPackage({ dir: join(import.meta.dirname, ".."), config: myConfig });
 * ```
 */
export function describeConnectorPackage(options: ConnectorMetadataOptions): void {
  const read = (path: string) => readFileSync(join(options.dir, path), "utf8");
  describe("the connector package", () => {
    it.each(Object.entries(renderConnectorMetadata(options)))(
      "%s is up to date (run `pnpm metadata` to regenerate)",
      (path, content) => {
        expect(comparableMetadata(path, read(path))).toBe(comparableMetadata(path, content));
      },
    );

    it("__metadata__/connector_manifest.json follows the catalog's rules", () => {
      expect(connectorManifestProblems(JSON.parse(read("__metadata__/connector_manifest.json")))).toEqual([]);
    });

    it(`docker-compose.yml gives the connector longer to stop than the SDK's ${SDK_SHUTDOWN_GRACE_SECONDS} s shutdown grace`, () => {
      const grace = /^\s+stop_grace_period:\s*(\d+)s\b/m.exec(read("docker-compose.yml"))?.[1];
      expect(grace, "docker-compose.yml needs stop_grace_period: <seconds>s").toBeDefined();
      expect(Number(grace)).toBeGreaterThan(SDK_SHUTDOWN_GRACE_SECONDS);
    });
  });
}
