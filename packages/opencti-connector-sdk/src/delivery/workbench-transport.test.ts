import { describe, expect, it } from "vitest";
import type { PendingFile } from "../api/types.js";
import { DeliveryError } from "../errors/delivery-error.js";
import { OpenCTIUnavailableError } from "../errors/opencti-unavailable-error.js";
import { createMemoryLogger } from "../logging/logger.js";
import { splitBundle } from "./bundle-splitter.js";
import type { UnsplitBundle } from "./bundle-transport.js";
import { WorkbenchTransport } from "./workbench-transport.js";

const bundle: UnsplitBundle = {
  type: "bundle",
  id: "bundle--0c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e",
  objects: [
    { type: "ipv4-addr", spec_version: "2.1", id: "ipv4-addr--0198f97b-e65d-5025-87e5-58bc39d4bdb4", value: "1.2.3.4" },
  ],
};
const batch = { bundle, split: splitBundle(bundle) };

function recordingApi(fail?: unknown) {
  const uploads: { file: PendingFile; options: unknown }[] = [];
  return {
    uploads,
    api: {
      uploadPending: async (file: PendingFile, options?: unknown) => {
        if (fail !== undefined) throw fail;
        uploads.push({ file, options });
        return { id: `import/pending/${file.name}`, name: file.name };
      },
    },
  };
}

describe("WorkbenchTransport", () => {
  it("uploads each delivery's bundle, unsplit, as <work id>.json then numbered files, with no expectations", async () => {
    const { api, uploads } = recordingApi();
    const logger = createMemoryLogger();
    const transport = new WorkbenchTransport({ api, logger });
    const progress: unknown[] = [];
    for (const workId of ["work_a", "work_a", "work_a", "work_b"]) {
      const prepared = transport.prepare(batch, { workId });
      expect([prepared.messages, prepared.objects, prepared.expectations]).toEqual([1, 1, 0]);
      await prepared.deliver((p) => progress.push(p));
    }
    expect(uploads.map((u) => [u.file.name, u.file.mimeType, u.options])).toEqual([
      ["work_a.json", "application/json", undefined],
      ["work_a_2.json", "application/json", undefined],
      ["work_a_3.json", "application/json", undefined],
      ["work_b.json", "application/json", undefined],
    ]);
    expect(uploads[0]?.file.content).toBe(JSON.stringify(bundle));
    expect(progress).toEqual(progress.map(() => ({ messages: 1, objects: 1, expectations: 0 })));
    expect(transport.reachesPlatform).toBe(false);
    expect(logger.entries[0]).toMatchObject({
      level: "info",
      message: "Bundle uploaded to the workbench for validation",
      attributes: { file: "work_a.json", objects: 1, work_id: "work_a" },
    });
  });

  it("names the file after the bundle without a work", async () => {
    const { api, uploads } = recordingApi();
    await new WorkbenchTransport({ api }).prepare(batch, {}).deliver(() => {});
    expect(uploads.map((u) => u.file.name)).toEqual([`${bundle.id}.json`]);
  });

  it("fails the delivery with a DeliveryError carrying the client's retry decision", async () => {
    const cause = new OpenCTIUnavailableError({
      operation: "UploadPending",
      url: "http://opencti/graphql",
      reason: "status",
      status: 503,
    });
    const { api } = recordingApi(cause);
    const error = await new WorkbenchTransport({ api })
      .prepare(batch, { workId: "work_a" })
      .deliver(() => {})
      .catch((e: unknown) => e);
    expect(DeliveryError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      transport: "workbench",
      phase: "publish",
      isRetryable: true,
      delivered: 0,
      total: 1,
    });
    expect((error as Error).message).toMatch(/^workbench delivery failed: UploadPending of work_a\.json failed: /);
  });
});
