import { describe, expect, it } from "vitest";
import { createQueueMessageEncoder, QUEUE_PUBLISH_OPTIONS } from "./amqp-envelope.js";
import type { SplitBundle } from "./bundle-splitter.js";

const bundle: SplitBundle = {
  type: "bundle",
  id: "bundle--1",
  spec_version: "2.1",
  x_opencti_seq: 2,
  objects: [{ type: "malware", id: "malware--é", name: "Émotet", nb_deps: 2 }],
};
const bundleJson =
  '{"type":"bundle","id":"bundle--1","spec_version":"2.1","x_opencti_seq":2,' +
  '"objects":[{"type":"malware","id":"malware--é","name":"Émotet","nb_deps":2}]}';
const content = Buffer.from(bundleJson, "utf8").toString("base64");

describe("createQueueMessageEncoder", () => {
  it("writes the spec §6.3 envelope, keys in order, content as padded base64 of the UTF-8 bundle JSON", () => {
    const encode = createQueueMessageEncoder({
      applicantId: "88ec0c6a-13ce-5e39-b486-354fe4a7084f",
      entitiesTypes: [],
      update: false,
      draftId: null,
      workId: "work_5ed680de-75e2-4aa0-bec0-4e8e5a0d1695_2026-02-12T22:41:47.123Z",
    });
    expect(encode(7, bundle).toString("utf8")).toBe(
      '{"bundle_type":"QUEUE_BUNDLE","applicant_id":"88ec0c6a-13ce-5e39-b486-354fe4a7084f","action_sequence":7,' +
        `"entities_types":[],"content":"${content}","update":false,"draft_id":null,` +
        '"work_id":"work_5ed680de-75e2-4aa0-bec0-4e8e5a0d1695_2026-02-12T22:41:47.123Z"}',
    );
    expect(content.length % 4).toBe(0);
  });

  it("omits work_id without a work and carries applicant, filters, update and draft as given", () => {
    const encode = createQueueMessageEncoder({
      applicantId: null,
      entitiesTypes: ["Indicator", "Malware"],
      update: true,
      draftId: "draft-1",
    });
    expect(JSON.parse(encode(1, bundle).toString("utf8"))).toEqual({
      bundle_type: "QUEUE_BUNDLE",
      applicant_id: null,
      action_sequence: 1,
      entities_types: ["Indicator", "Malware"],
      content,
      update: true,
      draft_id: "draft-1",
    });
  });

  it("publishes persistent UTF-8 messages, returned when unroutable", () => {
    expect(QUEUE_PUBLISH_OPTIONS).toEqual({ deliveryMode: 2, contentEncoding: "utf-8", mandatory: true });
  });
});
