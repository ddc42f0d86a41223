import type { Clock, Logger } from "@org/opencti-connector-sdk";
import { z } from "zod";
import type { AmqpOptions } from "../broker/amqp-settings.js";
import type { ReferenceMode } from "../worker/message-processor.js";

/** Options of `startPlatform`. Every one is optional. */
export interface StartPlatformOptions {
  /** The Bearer token connectors must send (`OPENCTI_TOKEN`). Default: a random UUID. */
  token?: string;
  /** Interface to listen on. Default `127.0.0.1`. */
  host?: string;
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** `about.version`. Default `6.9.17`, the platform version of the reference schema. */
  version?: string;
  /**
   * The RabbitMQ broker to hand out at registration and to run the worker on, e.g.
   * `{ url: "amqp://guest:guest@127.0.0.1:5672" }`. Without it, only API push (`stixBundlePush`) reaches the
   * worker, which then runs in memory.
   */
  amqp?: AmqpOptions;
  /** The platform's `rabbitmq:queue_prefix` (names become `<prefix>_push_<id>`, exchanges too). */
  queuePrefix?: string;
  /** The platform's `rabbitmq:queue_type` (`x-queue-type`). Default `classic`. */
  queueType?: "classic" | "quorum";
  /** RabbitMQ management API base URL for exact `connector_queue_details` (e.g. `http://127.0.0.1:15672`). */
  managementUrl?: string;
  /** Without the management API, bytes counted per waiting push message. Default 1 000. */
  estimatedMessageBytes?: number;
  /** The platform schema as SDL. Default: the connector-facing schema shipped with the SDK. */
  schema?: string;
  /** Read the schema SDL from this file instead (e.g. the full `relay.schema.graphql`). */
  schemaPath?: string;
  /** The user behind the token (`connector_user_id`, `applicant_id`). Default: the platform's admin. */
  user?: { id: string; name: string };
  /**
   * What an import does with a reference to an object that exists nowhere (`created_by_ref` to an unsent
   * identity, …): `report` (default) stores the object and lists the reference in `danglingReferences()`;
   * `reject` fails the item like the platform (`Element(s) not found` on its work).
   */
  references?: ReferenceMode;
  /** Start with the worker paused (messages stay queued until `resumeWorker()`). Default false. */
  workerPaused?: boolean;
  /** Bodies above this size get HTTP 413, as the platform's `app:max_payload_body_size`. Default 50 MB. */
  maxPayloadBytes?: number;
  /** GraphQL calls kept in the call log. Default 1 000. */
  callLogLimit?: number;
  /** A connector is `active` while its last registration or ping is younger than this. Default 5 minutes. */
  activeWindowMs?: number;
  /** Period of the connector manager's pass (old works completed, stale ones deleted); 0 disables. Default 60 s. */
  connectorManagerIntervalMs?: number;
  /**
   * On `stop()`, delete the queues of every connector registered during the run (and the exchanges when a
   * `queuePrefix` is set), so tests leave the broker clean. Default true.
   */
  cleanupOnStop?: boolean;
  /** Source of time. Default: the system clock. */
  clock?: Clock;
  /** Where the emulator logs. Default: nothing. */
  logger?: Logger;
}

/** The platform's default admin user (the `applicant_id` of spec §6.3's example). */
export const DEFAULT_USER = { id: "88ec0c6a-13ce-5e39-b486-354fe4a7084f", name: "admin" } as const;
/** The platform version of the reference schema. */
export const DEFAULT_PLATFORM_VERSION = "6.9.17";

/** Checks the scalar options; the broker is checked separately (its problems name the field). */
export const platformOptionsSchema = z.object({
  token: z.string().min(1, "must not be empty").optional(),
  host: z.string().min(1).optional(),
  port: z.number().int().min(0).max(65_535).optional(),
  version: z
    .string()
    .regex(/^\d+\.\d+\.\d+$/, "must be three integers like 6.9.17 or 7.260817.0")
    .optional(),
  amqp: z.unknown().optional(),
  queuePrefix: z
    .string()
    .regex(/^[A-Za-z0-9.-]+$/, "letters, digits, dots and dashes only")
    .optional(),
  queueType: z.enum(["classic", "quorum"]).optional(),
  managementUrl: z.url().optional(),
  estimatedMessageBytes: z.number().int().min(0).optional(),
  schema: z.string().min(1).optional(),
  schemaPath: z.string().min(1).optional(),
  user: z.object({ id: z.string().min(1), name: z.string().min(1) }).optional(),
  references: z.enum(["report", "reject"]).optional(),
  workerPaused: z.boolean().optional(),
  maxPayloadBytes: z.number().int().positive().optional(),
  callLogLimit: z.number().int().positive().optional(),
  activeWindowMs: z.number().int().positive().optional(),
  connectorManagerIntervalMs: z.number().int().min(0).optional(),
  cleanupOnStop: z.boolean().optional(),
  clock: z.custom<Clock>((v) => typeof v === "object" && v !== null && "now" in v && "sleep" in v).optional(),
  logger: z.custom<Logger>((v) => typeof v === "object" && v !== null && "info" in v && "child" in v).optional(),
});
