import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PACKAGE_DIR, runInProcess, spawnCli } from "./support/cli-harness.js";

/** The public vectors of pycti's STIX id tests, which the platform's rules reproduce (spec §9.6). */
const VECTORS = (
  JSON.parse(readFileSync(join(PACKAGE_DIR, "../stix2-types/test/fixtures/standard-id-test-vectors.json"), "utf8")) as {
    pycti_stix_vectors: { stix_input: Record<string, unknown>; expected: string }[];
  }
).pycti_stix_vectors;

describe("opencti-connector id", () => {
  it("prints the expected id of every public vector, one object per line on stdin", async () => {
    expect(VECTORS).toHaveLength(53);
    const run = await runInProcess(["id", "-"], { stdin: VECTORS.map((v) => JSON.stringify(v.stix_input)).join("\n") });
    expect(run).toEqual({ code: 0, stdout: VECTORS.map((v) => `${v.expected}\n`).join(""), stderr: "" });
  });

  it("prints the id of the object given as argument (built executable)", async () => {
    expect(await spawnCli(["id", '{"type": "malware", "name": "Emotet"}'])).toEqual({
      code: 0,
      stdout: "malware--36297121-bf18-56e1-b200-d39c9f9f5cee\n",
      stderr: "",
    });
  });

  it("names each line that cannot be read, goes on with the others and exits 1", async () => {
    const lines = [
      '{"type": "ipv4-addr", "value": "1.2.3.4"}',
      "{not json",
      "",
      '["malware"]',
      '{"type": "extension-definition", "name": "x"}',
      '{"type": "report"}',
      '{"type": "identity", "name": "ACME Corp", "identity_class": "organization"}\r',
    ];
    const run = await runInProcess(["id", "-"], { stdin: lines.join("\n") });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      "ipv4-addr--0198f97b-e65d-5025-87e5-58bc39d4bdb4\nidentity--542072da-8b33-50bf-810b-d9cfd2a0bc69\n",
    );
    expect(run.stderr.split("\n")).toEqual([
      expect.stringMatching(/^line 2: not valid JSON \(.+\)$/),
      'line 4: expected a JSON object with a "type", e.g. {"type": "malware", "name": "Emotet"}',
      'line 5: no deterministic id: type: "extension-definition" has no deterministic id rule (not a STIX 2.1 or OpenCTI type that the platform identifies by its content)',
      "line 6: no deterministic id: cannot compute the id of a report: it needs name + published",
      "",
    ]);
  });

  it("reports a bad argument on one line", async () => {
    expect(await runInProcess(["id", "{}"])).toEqual({
      code: 1,
      stdout: "",
      stderr: 'error: expected a JSON object with a "type", e.g. {"type": "malware", "name": "Emotet"}\n',
    });
    expect((await runInProcess(["id"])).code).toBe(2);
  });
});
