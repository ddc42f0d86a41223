/**
 * Build step (`pnpm build`, after tsdown): copies `packages/connector-template` to `dist/template/`, the template
 * the bin ships, with real dependency versions. The template is maintained once, in its own package.
 */
import { join } from "node:path";
import { prepareTemplate } from "../src/prepare-template.js";
import { readWorkspaceVersions } from "../src/workspace-versions.js";

const root = join(import.meta.dirname, "..", "..", "..");
const target = join(import.meta.dirname, "..", "dist", "template");
const files = await prepareTemplate(
  join(root, "packages", "connector-template"),
  target,
  await readWorkspaceVersions(root),
);
process.stdout.write(`Copied the connector template (${files.length} files) to ${target}\n`);
