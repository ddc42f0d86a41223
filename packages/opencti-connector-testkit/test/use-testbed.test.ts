import { existsSync } from "node:fs";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { useTestbed } from "../src/vitest/index.js";
import { post } from "./support/graphql.js";

const source = await mkdtemp(join(tmpdir(), "testkit-testbed-source-"));
await writeFile(join(source, "feed.json"), '{"entries":[]}');
let seen: { platformUrl: string; cwd: string } | undefined;

describe("useTestbed", () => {
  const bed = useTestbed({ platform: { version: "6.9.1" }, files: source });
  afterAll(() => {
    seen = { platformUrl: bed.platform.url, cwd: bed.cwd };
  });

  it("starts a platform with the options, serves the folder and makes an empty working directory", async () => {
    const about = await post(bed.platform, { query: "query healthCheck { about { version } }" });
    expect(about.body).toEqual({ data: { about: { version: "6.9.1" } } });
    expect(await (await fetch(bed.files.fileUrl("feed.json"))).text()).toBe('{"entries":[]}');
    expect(await readdir(bed.cwd)).toEqual([]);
  });
});

describe("useTestbed without files", () => {
  const bed = useTestbed();

  it("refuses to give a file server it was not asked for", () => {
    expect(bed.platform.url).toMatch(/^http:/);
    expect(() => bed.files).toThrow("useTestbed: no file server without the `files` option");
  });
});

describe("after the suite", () => {
  it("has stopped the platform and removed the working directory", async () => {
    if (seen === undefined) throw new Error("the suite above did not run");
    await expect(fetch(`${seen.platformUrl}/graphql`)).rejects.toThrow();
    expect(existsSync(seen.cwd)).toBe(false);
    await rm(source, { recursive: true, force: true });
  });
});
