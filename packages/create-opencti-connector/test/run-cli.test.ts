import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { restorePath } from "../src/rename.js";
import { runCli } from "../src/run-cli.js";
import { preparedTemplate } from "./support/template.js";

let template: { dir: string; files: string[] };
let cwd: string;
beforeAll(async () => {
  template = await preparedTemplate();
  cwd = await mkdtemp(join(tmpdir(), "create-opencti-connector-cli-"));
});
afterAll(async () => {
  await rm(join(template.dir, ".."), { recursive: true, force: true });
  await rm(cwd, { recursive: true, force: true });
});

/** Runs the CLI in-process; `answers` are typed at its prompts when `interactive`. */
async function cli(argv: string[], options: { interactive?: boolean; answers?: string[] } = {}) {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (chunk: Buffer) => {
    out += chunk.toString();
  });
  stderr.on("data", (chunk: Buffer) => {
    err += chunk.toString();
  });
  stdin.end((options.answers ?? []).map((answer) => `${answer}\n`).join(""));
  const code = await runCli(argv, {
    stdin,
    stdout,
    stderr,
    interactive: options.interactive ?? false,
    cwd,
    templateDir: template.dir,
  });
  return { code, out, err };
}

async function filesUnder(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

describe("create-opencti-connector", () => {
  it("ships the template without build output, local configuration or monorepo-only text", async () => {
    expect(template.files).toEqual(expect.arrayContaining(["src/client.ts", "src/mapping.ts", "src/index.ts"]));
    expect(template.files).toEqual(expect.arrayContaining(["_gitignore", "_dockerignore", "Dockerfile"]));
    expect(template.files.filter((f) => /^(dist|node_modules)\/|^config\.yml$|\.test-report/.test(f))).toEqual([]);
    const readme = await readFile(join(template.dir, "README.md"), "utf8");
    expect(readme).not.toContain("monorepo-only");
    expect(JSON.parse(await readFile(join(template.dir, "package.json"), "utf8")).dependencies).toEqual({
      "@org/opencti-connector-sdk": "^0.1.0",
      "@org/stix2-types": "^0.1.0",
      zod: "4.6.7",
    });
  });

  it("writes a renamed connector from the options, with no trace of the template's names", async () => {
    const { code, out, err } = await cli(["acme-feed", "--name", "Acme Feed", "--namespace", "acme", "--yes"]);
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(out).toMatch(/^Created Acme Feed in acme-feed \(\d+ files\): package acme-feed, settings ACME_\* \/ acme:/);
    const dir = join(cwd, "acme-feed");
    const files = await filesUnder(dir);
    expect(files).toEqual(expect.arrayContaining([".gitignore", ".dockerignore", "pnpm-workspace.yaml", "README.md"]));
    expect(files).not.toContain("_gitignore");
    const leftovers: string[] = [];
    for (const file of files) {
      const text = await readFile(join(dir, file), "utf8");
      if (/template/i.test(text) || /template/i.test(file)) leftovers.push(file);
    }
    expect(leftovers).toEqual([]);
    const manifest = JSON.parse(await readFile(join(dir, "__metadata__/connector_manifest.json"), "utf8"));
    expect(manifest).toMatchObject({
      title: "Acme Feed",
      slug: "acme-feed",
      container_image: "opencti/connector-acme-feed",
    });
    const compose = await readFile(join(dir, "docker-compose.yml"), "utf8");
    expect(compose).toContain("  acme-feed:\n    image: opencti/connector-acme-feed:latest");
    expect(compose).toContain("- ACME_API_KEY=ChangeMe");
    expect(await readFile(join(dir, "config.yml.sample"), "utf8")).toContain("\nacme:\n  api_base_url:");
    expect(JSON.parse(await readFile(join(dir, "package.json"), "utf8"))).toMatchObject({
      name: "acme-feed",
      private: true,
    });
  });

  it("with the template's own names, writes the template unchanged (the renaming only renames)", async () => {
    const { code } = await cli(["connector-template", "--name", "Template Feed", "--namespace", "template", "--yes"]);
    expect(code).toBe(0);
    const dir = join(cwd, "connector-template");
    const differing: string[] = [];
    for (const shipped of template.files) {
      const written = await readFile(join(dir, restorePath(shipped)), "utf8");
      if (written !== (await readFile(join(template.dir, shipped), "utf8"))) differing.push(shipped);
    }
    expect(differing).toEqual([]);
    expect(await filesUnder(dir)).toHaveLength(template.files.length + 1); // + pnpm-workspace.yaml
  });

  it("asks for what is not given when interactive, an empty answer taking the default", async () => {
    const { code, out } = await cli([], {
      interactive: true,
      answers: ["connector-beta", "", "betafeed", "indicator,report"],
    });
    expect(code).toBe(0);
    expect(out).toContain("Folder of the new connector (my-connector): ");
    expect(out).toContain("Connector name (Beta): ");
    expect(out).toContain("Settings namespace (its variables are <NAMESPACE>_*) (beta): ");
    expect(out).toContain("Scope (comma-separated) (indicator,malware): ");
    const index = await readFile(join(cwd, "connector-beta", "src/index.ts"), "utf8");
    expect(index).toContain('namespace: "betafeed",');
    expect(index).toContain('name: "Beta",');
    expect(index).toContain('scope: ["indicator", "report"],');
  });

  it("refuses a folder that is not empty, writing nothing (exit 1)", async () => {
    const dir = join(cwd, "taken");
    await mkdir(dir);
    await writeFile(join(dir, "notes.txt"), "mine");
    const { code, err } = await cli(["taken", "--yes"]);
    expect(code).toBe(1);
    expect(err).toBe(
      `create-opencti-connector: ${dir} is not empty (1 entries): nothing was written. Choose a new folder name, or empty that folder first.\n`,
    );
    expect(await readdir(dir)).toEqual(["notes.txt"]);
  });

  it("refuses invalid names with every problem (exit 1), and a bad command line with the usage (exit 2)", async () => {
    const invalid = await cli(["Bad_Name", "--namespace", "opencti", "--yes"]);
    expect(invalid.code).toBe(1);
    expect(invalid.err).toMatch(/^create-opencti-connector: 2 problems:\n- The folder name "Bad_Name"/);
    const bad = await cli(["--frobnicate"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("Usage: create-opencti-connector <folder> [options]");
    const missing = await cli(["--yes"]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("give the folder of the new connector");
  });
});
