import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "yaml";
import type { SpecifierVersions } from "./template-files.js";

/**
 * The versions of the SDK's monorepo at `root`: its `catalog:` (from `pnpm-workspace.yaml`) and the version of
 * each package under `packages/`. Build time only (the `yaml` parser is a development dependency).
 */
export async function readWorkspaceVersions(root: string): Promise<SpecifierVersions> {
  const workspace = parse(await readFile(join(root, "pnpm-workspace.yaml"), "utf8")) as {
    catalog?: Record<string, string | number>;
  };
  const catalog = Object.fromEntries(Object.entries(workspace.catalog ?? {}).map(([name, v]) => [name, String(v)]));
  const packages: Record<string, string> = {};
  for (const dir of await readdir(join(root, "packages"))) {
    try {
      const manifest = JSON.parse(await readFile(join(root, "packages", dir, "package.json"), "utf8")) as {
        name?: string;
        version?: string;
      };
      if (manifest.name && manifest.version) packages[manifest.name] = manifest.version;
    } catch {
      // Not a package folder.
    }
  }
  return { catalog, workspace: packages };
}
