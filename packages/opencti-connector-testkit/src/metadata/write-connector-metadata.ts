import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { type ConnectorMetadataOptions, renderConnectorMetadata } from "./connector-metadata.js";

/** The Biome executable the connector's folder resolves (its own or a parent's `node_modules`), if any. */
function findBiome(dir: string): string | undefined {
  try {
    return createRequire(join(dir, "package.json")).resolve("@biomejs/biome/bin/biome");
  } catch {
    return undefined;
  }
}

/**
 * Writes the files of {@link renderConnectorMetadata} into the connector's folder, then formats them with Biome
 * when the folder resolves it (as in the SDK's monorepo, whose `biome ci` checks them); a standalone connector
 * keeps them as generated. Returns the paths written, relative to the folder.
 *
 * @throws Error when Biome is there but fails.
 */
export function writeConnectorMetadata(options: ConnectorMetadataOptions): string[] {
  const files = Object.entries(renderConnectorMetadata(options));
  for (const [path, content] of files) writeFileSync(join(options.dir, path), content);
  const paths = files.map(([path]) => path);
  const biome = findBiome(options.dir);
  if (biome !== undefined) {
    const result = spawnSync(process.execPath, [biome, "format", "--write", ...paths], {
      cwd: options.dir,
      stdio: "inherit",
    });
    if (result.status !== 0) throw new Error(`biome format failed on ${paths.join(", ")}`);
  }
  return paths;
}
