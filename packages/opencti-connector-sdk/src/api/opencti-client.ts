import type { z } from "zod";
import { systemClock } from "../clock/clock.js";
import { noopLogger } from "../logging/logger.js";
import { withRetry } from "../retry/retry.js";
import { OPENCTI_DOCUMENTS, type OpenCtiOperationName } from "./documents/index.js";
import { createGraphQLTransport } from "./graphql-transport.js";
import type { OpenCtiClient, OpenCtiClientOptions } from "./opencti-client-types.js";
import { classifyFor, OPERATION_POLICIES } from "./operation-policies.js";
import { createPlatformFetch } from "./platform-fetch.js";
import * as data from "./response-schemas.js";
import { SDK_USER_AGENT } from "./sdk-version.js";

const DEFAULT_TIMEOUT_MS = 300_000;
const DEFAULT_STARTUP_DEADLINE_MS = 300_000;

/**
 * Creates the OpenCTI GraphQL client (spec §3): `POST <url>/graphql` with the exact documents of `OPENCTI_DOCUMENTS`,
 * headers `Authorization: Bearer <token>`, `User-Agent: opencti-connector-sdk-ts/<version>` and the custom headers;
 * a timeout per request; retries with exponential backoff and full jitter (1 s base, 60 s cap, `Retry-After`
 * honoured) on transport errors, timeouts, 429, 502, 503, 504 and `LOCK_ERROR`, with the attempts of spec §3.3
 * (`about` and `registerConnector` until the start-up deadline); never on authentication, permission, validation
 * or functional errors. Every reply is validated with zod.
 *
 * Errors: `OpenCTIAuthError`, `OpenCTIUnavailableError`, `OpenCTIGraphQLError`, `OpenCTIApiError` (invalid reply),
 * or `RetryExhaustedError` (its `cause` is the last of those) once retries run out. Creating the client does no I/O.
 *
 * @example
 * ```ts
 * const api = createOpenCtiClient({ url: config.opencti.url, token: config.opencti.token,
 *   customHeaders: config.opencti.customHeaders, sslVerify: config.opencti.sslVerify,
 *   caPath: config.opencti.sslCaPath, logger });
 * const { version } = await api.about();
 * ```
 */
export function createOpenCtiClient(options: OpenCtiClientOptions): OpenCtiClient {
  const clock = options.clock ?? systemClock;
  const logger = (options.logger ?? noopLogger).child({}, "api");
  const startupDeadlineMs = options.startupDeadlineMs ?? DEFAULT_STARTUP_DEADLINE_MS;
  const platform =
    options.fetch === undefined
      ? createPlatformFetch({ sslVerify: options.sslVerify ?? true, caPath: options.caPath })
      : { fetch: options.fetch, close: async () => {} };
  const closing = new AbortController();
  let platformVersion: string | undefined;
  const transport = createGraphQLTransport({
    endpoint: `${options.url.replace(/\/+$/, "")}/graphql`,
    headers: {
      ...options.customHeaders,
      "User-Agent": SDK_USER_AGENT,
      Authorization: `Bearer ${options.token}`,
    },
    fetch: platform.fetch,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    clock,
    platformVersion: () => platformVersion,
  });

  const send = <T>(
    operation: OpenCtiOperationName,
    variables: Record<string, unknown>,
    schema: z.ZodType<T>,
    run: () => Promise<T> = () => transport.execute(operation, OPENCTI_DOCUMENTS[operation], variables, schema),
  ): Promise<T> => {
    const policy = OPERATION_POLICIES[operation];
    // Single-attempt operations (pings, unregistration) throw their own typed error, not a RetryExhaustedError.
    if (policy.maxAttempts === 1) return run();
    return withRetry(run, {
      operation,
      clock,
      maxAttempts: policy.maxAttempts,
      ...(policy.startupDeadline ? { deadlineMs: startupDeadlineMs } : {}),
      classify: classifyFor(policy),
      signal: closing.signal,
      ...(options.random ? { random: options.random } : {}),
      onRetry: (event) =>
        logger.warn("OpenCTI API call failed, retrying", {
          operation,
          code: (event.error as { code?: unknown }).code,
          attempt: event.attempt,
          max_attempts: Number.isFinite(event.maxAttempts) ? event.maxAttempts : null,
          delay_ms: event.delayMs,
          reason: event.error instanceof Error ? event.error.message : String(event.error),
        }),
    });
  };

  return {
    url: transport.url,
    get platformVersion() {
      return platformVersion;
    },
    about: async () => {
      const result = await send("healthCheck", {}, data.healthCheckData);
      platformVersion = result.about.version;
      return { version: result.about.version };
    },
    registerConnector: async (input) =>
      (await send("RegisterConnector", { input }, data.registerConnectorData)).registerConnector,
    pingConnector: async (id, state, connectorInfo) =>
      (await send("PingConnector", { id, state, connectorInfo }, data.pingConnectorData)).pingConnector,
    getConnector: async (id) => (await send("GetConnector", { id }, data.getConnectorData)).connector,
    workAdd: async (connectorId, friendlyName) =>
      (await send("workAdd", { connectorId, friendlyName }, data.workAddData)).workAdd.id,
    workToReceived: async (id, message) => {
      await send("workToReceived", { id, message }, data.workEditData);
    },
    workToProcessed: async (id, message, inError) => {
      await send("workToProcessed", { id, message, inError }, data.workEditData);
    },
    addExpectations: async (id, expectations) => {
      await send("addExpectations", { id, expectations }, data.workEditData);
    },
    reportExpectation: async (id, error) => {
      await send("reportExpectation", { id, error: error ?? null }, data.workEditData);
    },
    pingWork: async (id) => {
      await send("pingWork", { id }, data.workEditData);
    },
    deleteWork: async (workId) => {
      await send("ConnectorWorksMutation", { workId }, data.workEditData);
    },
    work: async (id) => (await send("WorkQuery", { id }, data.workQueryData)).work,
    isWorkAlive: async (id) => (await send("WorkAliveQuery", { id }, data.workAliveData)).isWorkAlive === true,
    stixBundlePush: async (connectorId, bundle, workId) =>
      (await send("StixBundlePush", { connectorId, bundle, work_id: workId }, data.stixBundlePushData))
        .stixBundlePush === true,
    deleteConnector: async (id) => {
      await send("ConnectorDeletionMutation", { id }, data.deleteConnectorData);
    },
    streamCollection: async (id) =>
      (await send("StreamCollection", { id }, data.streamCollectionData)).streamCollection,
    addDraftContext: async (id, draftContext) => {
      await send("addDraftContext", { id, draftContext }, data.workEditData);
    },
    draftWorkspaceAdd: async (input) =>
      (await send("draftWorkspaceAdd", { input }, data.draftWorkspaceAddData)).draftWorkspaceAdd.id,
    uploadPending: async (file, uploadOptions = {}) => {
      const variables = {
        file: null,
        entityId: uploadOptions.entityId ?? null,
        file_markings: uploadOptions.fileMarkings ?? [],
      };
      const result = await send("UploadPending", variables, data.uploadPendingData, () => {
        // GraphQL multipart request: `operations` with the file variable null, `map`, then the file part.
        const form = new FormData();
        form.append("operations", JSON.stringify({ query: OPENCTI_DOCUMENTS.UploadPending, variables }));
        form.append("map", JSON.stringify({ "0": ["variables.file"] }));
        form.append("0", new Blob([file.content], { type: file.mimeType ?? "application/json" }), file.name);
        return transport.executeMultipart("UploadPending", form, data.uploadPendingData);
      });
      return result.uploadPending;
    },
    playbookStepExecution: async (input) =>
      (await send("PlaybookStepExecution", { ...input }, data.playbookStepExecutionData)).playbookStepExecution ===
      true,
    close: async () => {
      if (closing.signal.aborted) return;
      closing.abort(new Error("OpenCTI client closed"));
      await platform.close();
    },
  };
}
