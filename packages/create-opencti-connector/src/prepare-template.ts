import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import {
  isTemplateFile,
  resolveSpecifiers,
  type SpecifierVersions,
  shippedPath,
  stripMonorepoSections,
} from "./template-files.js";

async function walk(root: string, dir = root): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const paths: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    const rel = relative(root, path).split(sep).join("/");
    if (!isTemplateFile(rel)) continue;
    if (entry.isDirectory()) paths.push(...(await walk(root, path)));
    else paths.push(rel);
  }
  return paths.sort();
}

/**
 * Copies the template connector (`packages/connector-template`) to `targetDir` as this package ships it: without
 * build output, local configuration or test reports; `package.json` with real versions instead of `workspace:`
 * and `catalog:`; README without its monorepo-only parts; dotfiles under their shipped names. `targetDir` is
 * replaced. Resolves with the shipped paths.
 */
export async function prepareTemplate(
  sourceDir: string,
  targetDir: string,
  versions: SpecifierVersions,
): Promise<string[]> {
  await rm(targetDir, { recursive: true, force: true });
  const paths = await walk(sourceDir);
  for (const path of paths) {
    let content = await readFile(join(sourceDir, path), "utf8");
    if (path === "package.json") {
      content = `${JSON.stringify(resolveSpecifiers(JSON.parse(content), versions), null, 2)}\n`;
    } else if (path === "README.md") {
      content = stripMonorepoSections(content);
    }
    const target = join(targetDir, shippedPath(path));
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content);
  }
  return paths.map(shippedPath);
}
