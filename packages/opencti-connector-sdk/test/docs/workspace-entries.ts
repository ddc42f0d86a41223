import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";

/** An import specifier of a workspace package and the source file it resolves to for type checking. */
export interface WorkspaceEntry {
  /** E.g. `@org/opencti-connector-sdk` or `@org/opencti-connector-testkit/vitest`. */
  specifier: string;
  /** Absolute path of the entry's TypeScript source, `undefined` when none was found. */
  source: string | undefined;
}

interface PackageJson {
  name?: string;
  exports?: Record<string, unknown>;
}

/**
 * The `entry` of a package's `tsdown.config.ts`, as built file name to source: `{ schema: "src/x.ts" }` builds
 * `dist/schema.*`, `["src/index.ts"]` builds `dist/index.*`.
 */
function tsdownEntries(packageDir: string): Map<string, string> {
  const configPath = join(packageDir, "tsdown.config.ts");
  const entries = new Map<string, string>();
  if (!existsSync(configPath)) return entries;
  const config = readFileSync(configPath, "utf8");
  const named = /entry:\s*\{([^}]*)\}/.exec(config)?.[1] ?? "";
  for (const [, name, source] of named.matchAll(/([\w-]+):\s*"([^"]+)"/g)) {
    if (name !== undefined && source !== undefined) entries.set(name, join(packageDir, source));
  }
  const listed = /entry:\s*\[([^\]]*)\]/.exec(config)?.[1] ?? "";
  for (const [, source] of listed.matchAll(/"([^"]+)"/g)) {
    if (source !== undefined) entries.set(basename(source).replace(/\.[cm]?ts$/, ""), join(packageDir, source));
  }
  return entries;
}

/** The built file an export condition points at, e.g. `./dist/schema.mjs` for `./schema`. */
function builtFile(condition: unknown): string | undefined {
  if (typeof condition === "string") return condition;
  if (typeof condition !== "object" || condition === null) return undefined;
  const record = condition as Record<string, unknown>;
  return builtFile(record.import ?? record.default ?? record.require);
}

/**
 * Every public entry (`exports` subpath) of the `@org/*` packages under `<root>/packages`, mapped to its TypeScript
 * source through the package's `tsdown.config.ts` entries (`./dist/schema.mjs` comes from entry `schema`), so
 * documentation snippets type-check against the code as it is now, without a build.
 */
export function workspaceEntries(root: string): WorkspaceEntry[] {
  const entries: WorkspaceEntry[] = [];
  const packagesDir = join(root, "packages");
  for (const folder of readdirSync(packagesDir).sort()) {
    const manifestPath = join(packagesDir, folder, "package.json");
    if (!existsSync(manifestPath)) continue;
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as PackageJson;
    if (manifest.name === undefined || !manifest.name.startsWith("@org/")) continue;
    const packageDir = join(packagesDir, folder);
    const built = tsdownEntries(packageDir);
    for (const [subpath, condition] of Object.entries(manifest.exports ?? { ".": "./dist/index.mjs" })) {
      if (subpath === "./package.json") continue;
      const specifier = subpath === "." ? manifest.name : `${manifest.name}/${subpath.replace(/^\.\//, "")}`;
      const distName = basename(builtFile(condition) ?? "").replace(/\..*$/, "");
      const source = built.get(distName);
      entries.push({ specifier, source: source !== undefined && existsSync(source) ? source : undefined });
    }
  }
  return entries;
}
