import { z } from "zod";

/**
 * The push-queue message the worker reads (spec §6.3): connectors send `QUEUE_BUNDLE` envelopes,
 * `stixBundlePush` sends `{type, applicant_id, content, work_id, update}`. Unknown fields are kept, so a split
 * piece is republished with the same envelope.
 */
export const workerEnvelopeSchema = z.looseObject({
  type: z.string().optional(),
  applicant_id: z.string().nullable().optional(),
  content: z.string(),
  work_id: z.string().nullable().optional(),
  update: z.boolean().optional(),
  entities_types: z.array(z.string()).nullable().optional(),
  no_split: z.boolean().optional(),
  draft_id: z.string().nullable().optional(),
});

/** A decoded push-queue envelope. */
export type WorkerEnvelope = z.infer<typeof workerEnvelopeSchema>;

/** Standard padded base64 of the UTF-8 JSON of a bundle (the envelope's `content`). */
export function encodeContent(bundle: unknown): string {
  return Buffer.from(JSON.stringify(bundle), "utf8").toString("base64");
}
