import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PACKAGE_DIR, runInProcess, spawnCli } from "./support/cli-harness.js";

/** A bundle with a wrong id (objects[1]), a bad timestamp (objects[2]) and a broken reference (objects[3]). */
const BROKEN = "test/fixtures/cli/broken-bundle.json";
const WRONG_ID = "malware--9b1b5a52-6f0e-4c1a-8f0e-3c2d1b0a9f88";
const EMOTET = "malware--36297121-bf18-56e1-b200-d39c9f9f5cee";
const ABSENT = "malware--0b7e2e7a-3e36-4bc6-8d41-5d1c9b0b9a11";

const HUMAN = [
  `objects[1].id: ${WRONG_ID} is not the platform's deterministic id ${EMOTET}`,
  'objects[2].valid_from: must be a STIX timestamp in UTC such as 2024-01-31T12:00:00.000Z (got "2026-02-30T25:00:00Z")',
  `objects[3].target_ref: ${ABSENT} is neither in the bundle nor seeded by the platform`,
  `${BROKEN}: 3 problems in 4 objects (wrong_id 1, invalid 1, dangling_ref 1)`,
  "",
].join("\n");

describe("opencti-connector validate", () => {
  it("lists the wrong id, the bad timestamp and the broken reference, and exits 1 (built executable)", async () => {
    expect(await spawnCli(["validate", BROKEN])).toEqual({ code: 1, stdout: HUMAN, stderr: "" });
  });

  it("prints the same report as JSON", async () => {
    const run = await runInProcess(["validate", BROKEN, "--json"], { cwd: PACKAGE_DIR });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual({
      valid: false,
      objectCount: 4,
      problems: [
        {
          kind: "wrong_id",
          path: "objects[1].id",
          message: `${WRONG_ID} is not the platform's deterministic id ${EMOTET}`,
          index: 1,
          objectId: WRONG_ID,
          expectedId: EMOTET,
        },
        {
          kind: "invalid",
          path: "objects[2].valid_from",
          message: 'must be a STIX timestamp in UTC such as 2024-01-31T12:00:00.000Z (got "2026-02-30T25:00:00Z")',
          index: 2,
          objectId: "indicator--3ae0b0a2-7289-5fda-8a85-02d057ba0968",
        },
        {
          kind: "dangling_ref",
          path: "objects[3].target_ref",
          message: `${ABSENT} is neither in the bundle nor seeded by the platform`,
          index: 3,
          objectId: "relationship--09f36c3b-6a0d-51db-8ff5-cb85785d21dc",
          ref: ABSENT,
        },
      ],
    });
  });

  it("reads stdin, and exits 0 for a bundle without problems", async () => {
    const bundle = JSON.parse(readFileSync(join(PACKAGE_DIR, BROKEN), "utf8"));
    const clean = { ...bundle, objects: bundle.objects.slice(0, 1) };
    expect(await runInProcess(["validate", "-"], { stdin: JSON.stringify(clean) })).toEqual({
      code: 0,
      stdout: "stdin: 1 object, no problems\n",
      stderr: "",
    });
  });

  it("reports JSON that is not a bundle as a problem at its place", async () => {
    const run = await runInProcess(["validate", "-"], { stdin: '{"type": "bundle", "objects": [{"type": "malware",' });
    expect(run).toEqual({
      code: 1,
      stdout:
        "bundle: the input ends before the bundle does inside objects[0] (truncated file?)\nstdin: 1 problem in 0 objects (invalid 1)\n",
      stderr: "",
    });
  });

  it("explains its usage", async () => {
    const help = await runInProcess(["validate", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: opencti-connector validate <file.json \| -> \[--json\]\n/);
    expect(await runInProcess(["validate", "a.json", "--strict"])).toEqual({
      code: 2,
      stdout: "",
      stderr: 'error: unknown option --strict (see "opencti-connector validate --help")\n',
    });
  });
});
