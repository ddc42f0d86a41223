import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { serveCommand } from "./serve-command.js";

let dir = "";
afterEach(() => rm(dir, { recursive: true, force: true }));

describe("serveCommand", () => {
  it("is `npx opencti-testkit serve` in the folder when the testkit's bin is installed there", async () => {
    dir = await mkdtemp(join(tmpdir(), "testkit-serve-"));
    await mkdir(join(dir, "node_modules", ".bin"), { recursive: true });
    await writeFile(join(dir, "node_modules", ".bin", "opencti-testkit"), "");
    expect(serveCommand(dir)).toBe(`\`npx opencti-testkit serve\` in ${dir}`);
  });

  it("names the bin and its package otherwise", async () => {
    dir = await mkdtemp(join(tmpdir(), "testkit-serve-"));
    expect(serveCommand(dir)).toBe(
      "`opencti-testkit serve` (the bin of @org/opencti-connector-testkit, e.g. `npx opencti-testkit serve` where it is installed)",
    );
  });
});
