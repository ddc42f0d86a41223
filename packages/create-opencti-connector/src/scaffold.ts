import { copyFile, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { ConnectorNames } from "./connector-names.js";
import {
  findLocalPackages,
  type LocalPackage,
  pnpmWorkspaceYaml,
  VENDOR_DIR,
  withLocalPackages,
} from "./local-packages.js";
import { renameText, restorePath } from "./rename.js";
import { ScaffoldError } from "./scaffold-error.js";

/** Options of {@link scaffoldConnector}. */
export interface ScaffoldOptions {
  /** Names of the new connector (`resolveConnectorNames`). */
  names: ConnectorNames;
  /** Folder to create; it must not exist or be empty. */
  directory: string;
  /** The template to copy; default the one shipped with this package (`dist/template`). */
  templateDir?: string;
  /**
   * A folder of `@org/*` tarballs (`pnpm pack`) to install from instead of the npm registry: they are copied to
   * `vendor/` and the dependencies point there.
   */
  packagesFrom?: string;
}

/** What {@link scaffoldConnector} wrote. */
export interface ScaffoldResult {
  /** Absolute path of the new connector. */
  directory: string;
  /** Files written, relative to `directory`, sorted. */
  files: string[];
  /** Packages installed from `vendor/` tarballs. */
  localPackages: LocalPackage[];
}

/** The template shipped next to the built module (`dist/template`). */
export function shippedTemplateDir(): string {
  return fileURLToPath(new URL("./template/", import.meta.url));
}

async function listFiles(root: string, dir = root): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? listFiles(root, path) : [relative(root, path).split(sep).join("/")];
    }),
  );
  return nested.flat().sort();
}

async function assertEmpty(directory: string): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(directory);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    if ((error as NodeJS.ErrnoException).code === "ENOTDIR") {
      throw new ScaffoldError([`${directory} is a file: choose a folder name that does not exist yet`]);
    }
    throw error;
  }
  if (entries.length > 0) {
    throw new ScaffoldError([
      `${directory} is not empty (${entries.length} entries): nothing was written. Choose a new folder name, or empty that folder first.`,
    ]);
  }
}

/**
 * Writes a new connector: every template file with the template's names replaced (`renameText`), dotfiles
 * restored, a `pnpm-workspace.yaml`, and with `packagesFrom`, the `@org/*` tarballs in `vendor/`. The result
 * installs with `npm install` or `pnpm install` and passes its own tests.
 *
 * @throws ScaffoldError when the folder is not empty (nothing is written) or a tarball is missing.
 */
export async function scaffoldConnector(options: ScaffoldOptions): Promise<ScaffoldResult> {
  const directory = resolve(options.directory);
  const templateDir = options.templateDir ?? shippedTemplateDir();
  await assertEmpty(directory);
  const shipped = await listFiles(templateDir);
  if (!shipped.includes("package.json"))
    throw new ScaffoldError([`${templateDir} holds no template (no package.json)`]);
  const manifest = JSON.parse(renameText(await readFile(join(templateDir, "package.json"), "utf8"), options.names));
  const localPackages = options.packagesFrom === undefined ? [] : findLocalPackages(options.packagesFrom, manifest);

  const files: string[] = [];
  const write = async (path: string, content: string) => {
    await mkdir(dirname(join(directory, path)), { recursive: true });
    await writeFile(join(directory, path), content);
    files.push(path);
  };
  for (const path of shipped) {
    if (path === "package.json") continue;
    await write(restorePath(path), renameText(await readFile(join(templateDir, path), "utf8"), options.names));
  }
  const finalManifest = localPackages.length > 0 ? withLocalPackages(manifest, localPackages) : manifest;
  await write("package.json", `${JSON.stringify(finalManifest, null, 2)}\n`);
  await write("pnpm-workspace.yaml", pnpmWorkspaceYaml(localPackages));
  for (const { file } of localPackages) {
    await mkdir(join(directory, VENDOR_DIR), { recursive: true });
    await copyFile(join(options.packagesFrom as string, file), join(directory, VENDOR_DIR, file));
    files.push(`${VENDOR_DIR}/${file}`);
  }
  return { directory, files: files.sort(), localPackages };
}
