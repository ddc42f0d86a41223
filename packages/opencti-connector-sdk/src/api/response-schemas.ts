import { z } from "zod";

/**
 * zod schemas of the `data` of each operation's reply, matching the documents' selections and the schema's
 * nullability. A reply that does not match is an `OpenCTIApiError` with code `INVALID_RESPONSE`.
 */

const connectorInfo = z.object({
  run_and_terminate: z.boolean(),
  buffering: z.boolean(),
  queue_threshold: z.number(),
  queue_messages_size: z.number(),
  next_run_datetime: z.string().nullable(),
  last_run_datetime: z.string().nullable(),
});

export const healthCheckData = z.object({ about: z.object({ version: z.string() }) });

export const registerConnectorData = z.object({
  registerConnector: z.object({
    id: z.string(),
    connector_state: z.string().nullable(),
    config: z.object({
      connection: z.object({
        host: z.string(),
        vhost: z.string(),
        use_ssl: z.boolean(),
        port: z.number().int(),
        user: z.string(),
        pass: z.string(),
      }),
      listen: z.string(),
      listen_routing: z.string(),
      listen_exchange: z.string(),
      push: z.string(),
      push_routing: z.string(),
      push_exchange: z.string(),
    }),
    connector_user_id: z.string().nullable(),
  }),
});

export const pingConnectorData = z.object({
  pingConnector: z.object({
    id: z.string(),
    connector_state: z.string().nullable(),
    connector_info: connectorInfo.nullable(),
  }),
});

export const getConnectorData = z.object({
  connector: z
    .object({
      id: z.string(),
      name: z.string(),
      active: z.boolean().nullable(),
      connector_type: z.string().nullable(),
      connector_scope: z.array(z.string()).nullable(),
      connector_state: z.string().nullable(),
      connector_queue_details: z.object({ messages_number: z.number(), messages_size: z.number() }),
    })
    .nullable(),
});

/** A `null` work is a failure for the SDK, though the schema allows it. */
export const workAddData = z.object({ workAdd: z.object({ id: z.string() }) });

/** Every `workEdit` sub-mutation returns the work id (`ID!`). */
export const workEditData = z.object({ workEdit: z.record(z.string(), z.string()).nullable() });

const workMessage = z.object({
  timestamp: z.string().nullable(),
  message: z.string().nullable(),
  sequence: z.number().int().nullable(),
  source: z.string().nullable(),
});
const workMessages = z
  .array(workMessage.nullable())
  .nullable()
  .transform((list) => (list ?? []).filter((m) => m !== null));

export const workQueryData = z.object({
  work: z
    .object({
      id: z.string(),
      name: z.string().nullable(),
      status: z.enum(["wait", "progress", "complete", "timeout"]).nullable(),
      received_time: z.string().nullable(),
      processed_time: z.string().nullable(),
      completed_time: z.string().nullable(),
      tracking: z
        .object({
          import_expected_number: z.number().int().nullable(),
          import_processed_number: z.number().int().nullable(),
        })
        .nullable(),
      messages: workMessages,
      errors: workMessages,
    })
    .nullable(),
});

export const workAliveData = z.object({ isWorkAlive: z.boolean().nullable() });
export const stixBundlePushData = z.object({ stixBundlePush: z.boolean().nullable() });
export const deleteConnectorData = z.object({ deleteConnector: z.string().nullable() });
export const streamCollectionData = z.object({
  streamCollection: z
    .object({
      id: z.string(),
      name: z.string().nullable(),
      description: z.string().nullable(),
      stream_live: z.boolean().nullable(),
      stream_public: z.boolean().nullable(),
    })
    .nullable(),
});
export const draftWorkspaceAddData = z.object({ draftWorkspaceAdd: z.object({ id: z.string() }) });
export const uploadPendingData = z.object({ uploadPending: z.object({ id: z.string(), name: z.string() }) });
export const playbookStepExecutionData = z.object({ playbookStepExecution: z.boolean().nullable() });
