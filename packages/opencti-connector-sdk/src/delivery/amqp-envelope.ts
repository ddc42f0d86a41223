import type { SplitBundle } from "./bundle-splitter.js";

/** The envelope fields shared by every message of a delivery (spec §6.3). */
export interface QueueEnvelopeFields {
  /** `connector_user_id` from registration (or the listen message's applicant): the worker impersonates it. */
  applicantId: string | null;
  entitiesTypes: readonly string[];
  update: boolean;
  draftId: string | null;
  /** Omitted from the envelope when undefined. */
  workId?: string | undefined;
}

/** The envelope's fixed properties: persistent, UTF-8 (spec §6.3), and returned when unroutable. */
export const QUEUE_PUBLISH_OPTIONS = Object.freeze({
  deliveryMode: 2,
  contentEncoding: "utf-8",
  mandatory: true,
});

/**
 * Returns an encoder of queue messages for one delivery: `encode(sequence, bundle)` gives the UTF-8 JSON body
 * `{"bundle_type":"QUEUE_BUNDLE","applicant_id",…,"action_sequence",…,"entities_types",…,"content":<base64 of
 * the split bundle's JSON>,"update",…,"draft_id",…[,"work_id"]}`, keys in the spec's order. The parts that do not
 * change within a delivery are serialised once.
 */
export function createQueueMessageEncoder(
  fields: QueueEnvelopeFields,
): (sequence: number, bundle: SplitBundle) => Buffer {
  const head = `{"bundle_type":"QUEUE_BUNDLE","applicant_id":${JSON.stringify(fields.applicantId)},"action_sequence":`;
  const middle = `,"entities_types":${JSON.stringify(fields.entitiesTypes)},"content":"`;
  const work = fields.workId === undefined ? "" : `,"work_id":${JSON.stringify(fields.workId)}`;
  const tail = `","update":${fields.update},"draft_id":${JSON.stringify(fields.draftId)}${work}}`;
  return (sequence, bundle) => {
    const content = Buffer.from(JSON.stringify(bundle), "utf8").toString("base64");
    return Buffer.from(`${head}${sequence}${middle}${content}${tail}`, "utf8");
  };
}
