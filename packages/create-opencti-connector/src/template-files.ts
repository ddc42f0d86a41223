/** Build-time preparation of the template shipped in `dist/template/` (see `scripts/copy-template.ts`). */
import { SHIPPED_DOTFILES } from "./rename.js";

/** Markers around README parts that only make sense inside the SDK's monorepo; they are not shipped. */
export const MONOREPO_START = "<!-- monorepo-only:start -->";
export const MONOREPO_END = "<!-- monorepo-only:end -->";

/** Folders and files of the template package that are not part of a new connector. */
const EXCLUDED_SEGMENTS = new Set(["node_modules", "dist", ".turbo", "coverage"]);
const EXCLUDED_FILES = [/^\.test-report.*\.json$/, /^config\.yml$/, /^\.env$/, /\.log$/, /\.tsbuildinfo$/];

/** True when a path of the template package (relative, `/`-separated) belongs in a new connector. */
export function isTemplateFile(relativePath: string): boolean {
  const segments = relativePath.split("/");
  const name = segments.at(-1) ?? "";
  return !segments.some((segment) => EXCLUDED_SEGMENTS.has(segment)) && !EXCLUDED_FILES.some((re) => re.test(name));
}

/**
 * The name a template file is shipped under: dotfiles npm would drop (`.gitignore`) get their shipped name.
 *
 * @throws Error for another dotfile, which the package could not ship reliably (add it to `SHIPPED_DOTFILES`).
 */
export function shippedPath(relativePath: string): string {
  const segments = relativePath.split("/");
  const name = segments.pop() as string;
  if (!name.startsWith(".")) return relativePath;
  const shipped = SHIPPED_DOTFILES[name];
  if (shipped === undefined) throw new Error(`${relativePath}: dotfile without a shipped name in SHIPPED_DOTFILES`);
  return [...segments, shipped].join("/");
}

/** Removes the monorepo-only parts of a README (markers included). */
export function stripMonorepoSections(text: string): string {
  const pattern = new RegExp(`\\n?${MONOREPO_START}[\\s\\S]*?${MONOREPO_END}\\n?`, "g");
  return text.replace(pattern, "\n");
}

/** Versions to put in place of workspace and catalog specifiers. */
export interface SpecifierVersions {
  /** The root `catalog:` of `pnpm-workspace.yaml`: dependency name to exact version. */
  catalog: Readonly<Record<string, string>>;
  /** Workspace packages: name to version (published as `^<version>`). */
  workspace: Readonly<Record<string, string>>;
}

const DEPENDENCY_FIELDS = ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"] as const;

/**
 * A `package.json` whose `workspace:*` and `catalog:` specifiers are replaced by real versions (`^0.1.0` for a
 * workspace package, the catalog's exact version otherwise), so it installs outside the monorepo.
 *
 * @throws Error naming a dependency whose version is unknown.
 */
export function resolveSpecifiers(
  manifest: Readonly<Record<string, unknown>>,
  versions: SpecifierVersions,
): Record<string, unknown> {
  const resolved: Record<string, unknown> = { ...manifest };
  for (const field of DEPENDENCY_FIELDS) {
    const dependencies = manifest[field] as Record<string, string> | undefined;
    if (dependencies === undefined) continue;
    resolved[field] = Object.fromEntries(
      Object.entries(dependencies).map(([name, specifier]) => {
        if (specifier.startsWith("workspace:")) {
          const version = versions.workspace[name];
          if (version === undefined) throw new Error(`${field}.${name}: no workspace package named ${name}`);
          return [name, `^${version}`];
        }
        if (specifier === "catalog:" || specifier === "catalog:default") {
          const version = versions.catalog[name];
          if (version === undefined) throw new Error(`${field}.${name}: not in the catalog of pnpm-workspace.yaml`);
          return [name, version];
        }
        return [name, specifier];
      }),
    );
  }
  return resolved;
}
