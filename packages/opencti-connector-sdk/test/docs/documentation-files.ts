import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (`/work/main` in a checkout). */
export const REPOSITORY_ROOT = fileURLToPath(new URL("../../../../", import.meta.url));

/** A Markdown file of the documentation and its text. */
export interface DocumentationFile {
  /** Absolute path. */
  path: string;
  text: string;
}

/** The files the documentation checks cover: the root `README.md` and every `docs/*.md`, in name order. */
export function documentationFiles(root: string = REPOSITORY_ROOT): DocumentationFile[] {
  const docs = readdirSync(join(root, "docs"))
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => join(root, "docs", name));
  return [join(root, "README.md"), ...docs].map((path) => ({ path, text: readFileSync(path, "utf8") }));
}
