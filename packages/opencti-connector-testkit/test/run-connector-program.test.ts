import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runConnectorProgram } from "../src/index.js";

describe("runConnectorProgram", () => {
  let dir: string;
  let entry: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "testkit-program-"));
    entry = join(dir, "entry.mjs");
    // A stand-in connector: reports its working directory, environment and argv, and exits with EXIT_CODE.
    await writeFile(
      entry,
      [
        "const seen = { cwd: process.cwd(), env: Object.keys(process.env).sort(), execArgv: process.execArgv };",
        "process.stderr.write(JSON.stringify(seen));",
        "process.stdout.write('ignored');",
        "process.exit(Number(process.env.EXIT_CODE));",
      ].join("\n"),
    );
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("runs the entry as a program in cwd with only the given environment, and resolves with its exit and stderr", async () => {
    process.env.TESTKIT_NOT_INHERITED = "1";
    try {
      const result = await runConnectorProgram({
        entry,
        cwd: dir,
        env: { EXIT_CODE: "3" },
        execArgv: ["--no-warnings"],
      });
      expect(result.code).toBe(3);
      expect(JSON.parse(result.stderr)).toEqual({ cwd: dir, env: ["EXIT_CODE", "PATH"], execArgv: ["--no-warnings"] });
    } finally {
      delete process.env.TESTKIT_NOT_INHERITED;
    }
  });

  it("rejects when the process cannot start", async () => {
    await expect(runConnectorProgram({ entry, cwd: join(dir, "missing") })).rejects.toThrow(/ENOENT/);
  });
});
