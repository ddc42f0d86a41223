import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../src/run-cli.js";
import { preparedTemplate, REPOSITORY_ROOT } from "./support/template.js";

/** The `@org/*` packages the template depends on, by folder under `packages/`. */
const PACKAGES = ["stix2-types", "opencti-connector-sdk", "opencti-connector-testkit"];

/** The environment of the commands run in the new connector: without this vitest run's own variables. */
const childEnv = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => !/^(VITEST|TEST$|NODE_ENV$|NODE_OPTIONS$)/.test(name)),
);

function run(command: string, args: string[], cwd: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: childEnv, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, output }));
  });
}

let work: string;
let templateDir: string;
let connectorDir: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "scaffold-install-"));
  const packs = join(work, "packs");
  // The @org/* packages are not on the npm registry yet: the new connector installs them from tarballs.
  for (const dir of PACKAGES) {
    const packed = await run("pnpm", ["pack", "--pack-destination", packs], join(REPOSITORY_ROOT, "packages", dir));
    if (packed.code !== 0) throw new Error(`pnpm pack in packages/${dir} failed:\n${packed.output}`);
  }
  templateDir = (await preparedTemplate()).dir;
  const out = new PassThrough();
  const code = await runCli(
    ["acme-feed", "--name", "Acme Feed", "--namespace", "acme", "--scope", "indicator,malware,vulnerability"].concat([
      "--yes",
      "--packages-from",
      packs,
    ]),
    { stdin: new PassThrough(), stdout: out, stderr: out, interactive: false, cwd: work, templateDir },
  );
  if (code !== 0) throw new Error(`create-opencti-connector failed: ${out.read()?.toString()}`);
  connectorDir = join(work, "acme-feed");
}, 300_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
  if (templateDir) await rm(join(templateDir, ".."), { recursive: true, force: true });
});

describe("a scaffolded connector, outside the monorepo", () => {
  it("installs (the @org/* packages from vendor/ tarballs), type-checks, builds and passes its own tests", async () => {
    const install = await run("pnpm", ["install", "--prefer-offline", "--no-frozen-lockfile"], connectorDir);
    expect(install.code, install.output).toBe(0);
    expect(existsSync(join(connectorDir, "node_modules/@org/opencti-connector-sdk/package.json"))).toBe(true);

    const typecheck = await run("pnpm", ["exec", "tsc", "-p", "tsconfig.json"], connectorDir);
    expect(typecheck.code, typecheck.output).toBe(0);

    const build = await run("pnpm", ["run", "build"], connectorDir);
    expect(build.code, build.output).toBe(0);
    expect(existsSync(join(connectorDir, "dist/index.js"))).toBe(true);

    const tests = await run("pnpm", ["test"], connectorDir);
    expect(tests.code, tests.output).toBe(0);
    // The template's test script also writes vitest's JSON report: every test file ran and nothing failed.
    const report = JSON.parse(await readFile(join(connectorDir, ".test-report.json"), "utf8")) as {
      numFailedTests: number;
      numPassedTests: number;
      testResults: { name: string; status: string }[];
    };
    const testFiles = (await readdir(connectorDir, { recursive: true })).filter(
      (path) => path.endsWith(".test.ts") && !path.startsWith("node_modules"),
    );
    expect(report.numFailedTests).toBe(0);
    expect(report.numPassedTests).toBeGreaterThan(0);
    expect(report.testResults.map((result) => result.status)).toEqual(testFiles.map(() => "passed"));
  }, 600_000);
});
