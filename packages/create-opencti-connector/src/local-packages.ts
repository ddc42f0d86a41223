import { readdirSync } from "node:fs";
import { ScaffoldError } from "./scaffold-error.js";

/** Where the new connector keeps the tarballs it installs `@org/*` packages from. */
export const VENDOR_DIR = "vendor";

/** A package installed from a local tarball instead of the registry. */
export interface LocalPackage {
  /** Package name, e.g. `@org/opencti-connector-sdk`. */
  name: string;
  /** Tarball file name, e.g. `org-opencti-connector-sdk-0.1.0.tgz` (as `pnpm pack` names it). */
  file: string;
}

/** The tarball name prefix `pnpm pack`/`npm pack` gives a package: `@org/x` packs to `org-x-<version>.tgz`. */
function tarballPrefix(name: string): string {
  return `${name.replace(/^@/, "").replace("/", "-")}-`;
}

/**
 * Finds, in `dir`, a tarball for each `@org/*` dependency of the template's `package.json`.
 *
 * @throws ScaffoldError naming each package without a tarball, and how to make them.
 */
export function findLocalPackages(dir: string, manifest: Readonly<Record<string, unknown>>): LocalPackage[] {
  let files: string[];
  try {
    files = readdirSync(dir);
  } catch (error) {
    throw new ScaffoldError([`--packages-from ${dir}: cannot read the folder`], { cause: error });
  }
  const names = ["dependencies", "devDependencies"].flatMap((field) =>
    Object.keys((manifest[field] as Record<string, string> | undefined) ?? {}).filter((n) => n.startsWith("@org/")),
  );
  const found: LocalPackage[] = [];
  const missing: string[] = [];
  for (const name of names) {
    const prefix = tarballPrefix(name);
    const file = files.find(
      (f) => f.startsWith(prefix) && /^\d+\.\d+\.\d+([-+][\w.]+)?\.tgz$/.test(f.slice(prefix.length)),
    );
    if (file === undefined) missing.push(name);
    else found.push({ name, file });
  }
  if (missing.length > 0) {
    throw new ScaffoldError(
      missing.map(
        (name) =>
          `--packages-from ${dir}: no ${tarballPrefix(name)}<version>.tgz for ${name} (make them with \`pnpm -r --filter "@org/*" pack --pack-destination ${dir}\`)`,
      ),
    );
  }
  return found;
}

/**
 * The new connector's `package.json` installing `packages` from `vendor/` tarballs: each dependency becomes
 * `file:vendor/<tarball>`, and npm `overrides` point the packages' own dependencies on each other there too.
 */
export function withLocalPackages(
  manifest: Readonly<Record<string, unknown>>,
  packages: readonly LocalPackage[],
): Record<string, unknown> {
  const specifier = new Map(packages.map((p) => [p.name, `file:${VENDOR_DIR}/${p.file}`]));
  const result: Record<string, unknown> = { ...manifest };
  for (const field of ["dependencies", "devDependencies"]) {
    const dependencies = manifest[field] as Record<string, string> | undefined;
    if (dependencies === undefined) continue;
    result[field] = Object.fromEntries(
      Object.entries(dependencies).map(([name, spec]) => [name, specifier.get(name) ?? spec]),
    );
  }
  // `$<name>` makes npm use the root's own specifier for that package wherever it is required.
  result.overrides = Object.fromEntries(packages.map((p) => [p.name, `$${p.name}`]));
  return result;
}

/**
 * The new connector's `pnpm-workspace.yaml` (pnpm's settings; npm ignores it): esbuild's install script allowed
 * (pnpm 11+ refuses to install otherwise), and with local packages, overrides pointing every `@org/*` package at
 * its tarball.
 */
export function pnpmWorkspaceYaml(packages: readonly LocalPackage[]): string {
  const lines = [
    "# pnpm settings of this connector (npm ignores this file).",
    "# vitest's bundler needs esbuild's install script, which pnpm runs only when allowed.",
    "allowBuilds:",
    "  esbuild: true",
  ];
  if (packages.length > 0) {
    lines.push(
      "# The @org/* packages come from the tarballs in vendor/ until they are on the npm registry.",
      "overrides:",
    );
    for (const p of packages) lines.push(`  "${p.name}": "file:${VENDOR_DIR}/${p.file}"`);
  }
  return `${lines.join("\n")}\n`;
}
