/** `pnpm metadata`: regenerates the config schema, its doc and the README's configuration table. */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { ROOT, renderMetadata } from "./metadata.js";

const files = renderMetadata();
for (const [path, content] of Object.entries(files)) writeFileSync(`${ROOT}/${path}`, content);
// Biome pads Markdown tables and folds short JSON arrays; `biome ci` checks these files too.
execFileSync("pnpm", ["exec", "biome", "format", "--write", ...Object.keys(files)], { cwd: ROOT, stdio: "inherit" });
