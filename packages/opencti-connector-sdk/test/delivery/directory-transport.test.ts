import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FakeClock } from "../../src/clock/fake-clock.js";
import { BundleSender } from "../../src/delivery/bundle-sender.js";
import { directoryFileName } from "../../src/delivery/directory-file-name.js";
import { DirectoryTransport, type DirectoryTransportOptions } from "../../src/delivery/directory-transport.js";
import { DeliveryError } from "../../src/errors/delivery-error.js";
import { CONNECTOR_ID, CONNECTOR_USER_ID } from "../support/platform-fixtures.js";

const NOW = Date.parse("2026-02-12T22:41:47.123Z");
const DAY = 86_400_000;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "delivery-directory-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function transport(options: Partial<DirectoryTransportOptions> = {}) {
  const clock = new FakeClock(NOW);
  return {
    clock,
    transport: new DirectoryTransport({
      path: dir,
      retentionDays: 7,
      connector: {
        id: CONNECTOR_ID,
        name: "My Feed",
        type: "EXTERNAL_IMPORT",
        scope: ["Indicator", "Observable"],
        auto: false,
        validateBeforeImport: false,
      },
      applicantId: CONNECTOR_USER_ID,
      clock,
      ...options,
    }),
  };
}

const acme = { type: "identity", id: "identity--acme", name: "ACME" };
const emotet = { type: "malware", id: "malware--emotet", name: "Emotet", created_by_ref: acme.id };

describe("DirectoryTransport", () => {
  it("writes the whole unsplit bundle in the spec §6.5 envelope, under pycti's file name, via a temp file", async () => {
    const { transport: directory } = transport();
    await directory.start();
    const sender = new BundleSender({ transports: [directory] });
    const bundle = { type: "bundle", id: "bundle--d", spec_version: "2.1", objects: [emotet, acme] };
    const result = await sender.send(bundle, { update: true });
    expect(result).toMatchObject({ sent: 0, objects: 0, expectations: 0, batches: 1 });
    const name = directoryFileName("My Feed", NOW);
    expect(await readdir(dir)).toEqual([name]);
    const text = await readFile(join(dir, name), "utf8");
    expect(text).toBe(
      JSON.stringify({
        bundle_type: "DIRECTORY_BUNDLE",
        applicant_id: CONNECTOR_USER_ID,
        connector: {
          id: CONNECTOR_ID,
          name: "My Feed",
          type: "EXTERNAL_IMPORT",
          scope: "Indicator,Observable",
          auto: false,
          validate_before_import: false,
        },
        entities_types: null,
        bundle,
        update: true,
      }),
    );
  });

  it("keeps file names unique within one millisecond", async () => {
    const { transport: directory } = transport();
    const sender = new BundleSender({ transports: [directory] });
    await sender.send([acme]);
    await sender.send([emotet, acme]);
    expect((await readdir(dir)).sort()).toEqual([
      directoryFileName("My Feed", NOW),
      directoryFileName("My Feed", NOW + 1),
    ]);
  });

  it("deletes *.json files older than the retention before writing, and nothing else", async () => {
    const { transport: directory } = transport({ retentionDays: 2 });
    const old = join(dir, "old.json");
    const recent = join(dir, "recent.json");
    const other = join(dir, "old.txt");
    for (const file of [old, recent, other]) await writeFile(file, "{}");
    await utimes(old, new Date(NOW - 3 * DAY), new Date(NOW - 3 * DAY));
    await utimes(other, new Date(NOW - 3 * DAY), new Date(NOW - 3 * DAY));
    await utimes(recent, new Date(NOW - DAY), new Date(NOW - DAY));
    await new BundleSender({ transports: [directory] }).send([acme]);
    expect((await readdir(dir)).sort()).toEqual([directoryFileName("My Feed", NOW), "old.txt", "recent.json"].sort());
  });

  it("keeps every file when the retention is 0", async () => {
    const { transport: directory } = transport({ retentionDays: 0 });
    const ancient = join(dir, "ancient.json");
    await writeFile(ancient, "{}");
    await utimes(ancient, new Date(0), new Date(0));
    await new BundleSender({ transports: [directory] }).send([acme]);
    expect(await readdir(dir)).toContain("ancient.json");
  });

  it("fails with a DeliveryError when the directory is missing", async () => {
    const { transport: directory } = transport({ path: join(dir, "missing") });
    const error = await directory.start().catch((e: unknown) => e);
    expect(DeliveryError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ transport: "directory", isRetryable: false });
    await expect(new BundleSender({ transports: [directory] }).send([acme])).rejects.toThrow(
      /directory delivery failed/,
    );
  });
});
