import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { prepareTemplate } from "../../src/prepare-template.js";
import { readWorkspaceVersions } from "../../src/workspace-versions.js";

/** The SDK's monorepo. */
export const REPOSITORY_ROOT = join(import.meta.dirname, "..", "..", "..", "..");

/** Prepares the template as the build ships it, from `packages/connector-template`, in a new temporary folder. */
export async function preparedTemplate(): Promise<{ dir: string; files: string[] }> {
  const dir = join(await mkdtemp(join(tmpdir(), "create-opencti-connector-")), "template");
  const files = await prepareTemplate(
    join(REPOSITORY_ROOT, "packages", "connector-template"),
    dir,
    await readWorkspaceVersions(REPOSITORY_ROOT),
  );
  return { dir, files };
}
