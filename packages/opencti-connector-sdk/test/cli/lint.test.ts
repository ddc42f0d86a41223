import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultBuilders, TLP_GREEN, withDefaults } from "@org/stix2-types";
import { afterEach, describe, expect, it } from "vitest";
import { startFakePlatform } from "../connector/support/fake-platform.js";
import { CONNECTOR_ID, TEST_TOKEN } from "../support/platform-fixtures.js";
import { runInProcess } from "./support/cli-harness.js";

const NOW = "2026-01-15T10:00:00.000Z";
const author = defaultBuilders.identity({ name: "ACME Corp", identity_class: "organization", created: NOW });
const stix = withDefaults({ createdBy: author, markings: [TLP_GREEN], now: () => Date.parse(NOW) });
const BUNDLE_ID = "bundle--5b0c4d1e-8e2f-4a3b-9c4d-5e6f7a8b9c0d";

/** A connector's output: the author, its marking, then `count` malware each used by an intrusion set. */
function connectorOutput(count: number) {
  const objects: object[] = [author, TLP_GREEN];
  for (let i = 0; i < count; i++) {
    const malware = stix.malware({ name: `Malware ${i}`, is_family: true });
    const set = stix.intrusionSet({ name: `Set ${i}` });
    objects.push(
      malware,
      set,
      stix.relationship({ relationship_type: "uses", source_ref: set.id, target_ref: malware.id }),
    );
  }
  return { type: "bundle", id: BUNDLE_ID, objects };
}

let directory = "";
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function tempDir(): Promise<string> {
  directory = await mkdtemp(join(tmpdir(), "cli-lint-"));
  return directory;
}

describe("opencti-connector lint", () => {
  it("lists each finding of a bundle and exits 1", async () => {
    const dir = await tempDir();
    const bundle = connectorOutput(1);
    const [, , malware, set] = bundle.objects as Record<string, unknown>[];
    const { created_by_ref: _a, ...anonymous } = malware as Record<string, unknown>;
    const { object_marking_refs: _m, ...unmarked } = set as Record<string, unknown>;
    const random = {
      ...defaultBuilders.tool({
        name: "Tool",
        created: NOW,
        created_by_ref: author.id,
        object_marking_refs: [TLP_GREEN.id],
      }),
      id: "tool--7d3f3bb4-6d43-4f6c-9a57-1f0f0d2b8a11",
    };
    await writeFile(
      join(dir, "out.json"),
      JSON.stringify({ ...bundle, objects: [author, anonymous, unmarked, random] }),
    );
    const run = await runInProcess(["lint", "out.json"], { cwd: dir });
    expect(run).toEqual({
      code: 1,
      stdout: [
        "out.json: objects[1].created_by_ref: has no author: every SDO and SRO needs created_by_ref naming an identity of the bundle [missing_author]",
        `out.json: objects[1].object_marking_refs[0]: ${TLP_GREEN.id} is not in the bundle: ship a marking definition with the objects [unknown_marking]`,
        "out.json: objects[2].object_marking_refs: has no markings: every object needs object_marking_refs naming marking definitions of the bundle [missing_markings]",
        `out.json: objects[3].id: tool--7d3f3bb4-6d43-4f6c-9a57-1f0f0d2b8a11 is not the platform's deterministic id ${defaultBuilders.tool({ name: "Tool" }).id} [wrong_id]`,
        `out.json: objects[3].object_marking_refs[0]: ${TLP_GREEN.id} is not in the bundle: ship a marking definition with the objects [unknown_marking]`,
        "lint: 5 findings in 1 bundle, 4 objects (missing_author 1, unknown_marking 2, missing_markings 1, wrong_id 1)",
        "",
      ].join("\n"),
      stderr: "",
    });
  });

  it("accepts a passthrough's foreign ids with --allow-foreign-ids, still reporting a missing author", async () => {
    const dir = await tempDir();
    const tool = defaultBuilders.tool({ name: "Tool", created: NOW, object_marking_refs: [TLP_GREEN.id] });
    const foreign = { ...tool, id: "tool--7d3f3bb4-6d43-4f6c-9a57-1f0f0d2b8a11" };
    const objects = [author, TLP_GREEN, { ...foreign, created_by_ref: author.id }];
    await writeFile(join(dir, "forwarded.json"), JSON.stringify({ type: "bundle", id: BUNDLE_ID, objects }));
    expect(await runInProcess(["lint", "forwarded.json", "--allow-foreign-ids"], { cwd: dir })).toEqual({
      code: 0,
      stdout: "lint: 1 bundle, 3 objects, no findings\n",
      stderr: "",
    });
    expect((await runInProcess(["lint", "forwarded.json"], { cwd: dir })).code).toBe(1);
    const anonymous = { ...foreign, id: "tool--0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d" };
    const withAnonymous = { type: "bundle", id: BUNDLE_ID, objects: [...objects, anonymous] };
    await writeFile(join(dir, "forwarded.json"), JSON.stringify(withAnonymous));
    expect(await runInProcess(["lint", "forwarded.json", "--allow-foreign-ids"], { cwd: dir })).toEqual({
      code: 1,
      stdout:
        "forwarded.json: objects[3].created_by_ref: has no author: every SDO and SRO needs created_by_ref naming an identity of the bundle [missing_author]\n" +
        "lint: 1 finding in 1 bundle, 4 objects (missing_author 1)\n",
      stderr: "",
    });
  });

  it("passes the directory-mode files of a send, every batch carrying its author and marking", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "bundle.json"), JSON.stringify(connectorOutput(10)));
    const { server } = await startFakePlatform();
    try {
      const env = { OPENCTI_URL: server.url, OPENCTI_TOKEN: TEST_TOKEN, CONNECTOR_ID };
      const send = await runInProcess(["send", "bundle.json", "--directory", "out", "--batch-size", "10"], {
        env,
        cwd: dir,
      });
      expect(send.code, send.stderr).toBe(0);
    } finally {
      await server.close();
    }
    const run = await runInProcess(["lint", "out"], { cwd: dir });
    // 32 objects in batches of 10: the author and the marking travel again with the 3 later batches.
    expect(run).toEqual({ code: 0, stdout: "lint: 4 bundles, 38 objects, no findings\n", stderr: "" });
    const json = await runInProcess(["lint", "out", "--json"], { cwd: dir });
    expect(
      JSON.parse(json.stdout).map((r: { passed: boolean; objectCount: number }) => [r.passed, r.objectCount]),
    ).toEqual([
      [true, 10],
      [true, 12],
      [true, 12],
      [true, 4],
    ]);
  });

  it("reports an unreadable bundle as a finding and a folder without bundles as an error", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "broken.json"), '{"type": "bundle", "objects": [');
    expect(await runInProcess(["lint", "."], { cwd: dir })).toEqual({
      code: 1,
      stdout:
        "broken.json: bundle: the input ends before the bundle does inside objects[0] (truncated file?) [invalid]\n" +
        "lint: 1 finding in 1 bundle, 0 objects (invalid 1)\n",
      stderr: "",
    });
    await rm(join(dir, "broken.json"));
    expect(await runInProcess(["lint", "."], { cwd: dir })).toEqual({
      code: 1,
      stdout: "",
      stderr: "error: . holds no .json file to lint\n",
    });
    expect((await runInProcess(["lint", "missing"], { cwd: dir })).stderr).toBe(
      "error: cannot read missing: no such file or directory\n",
    );
  });
});
