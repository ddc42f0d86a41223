import { OpenCTIUnavailableError } from "../errors/opencti-unavailable-error.js";
import type { RetryDecision } from "../retry/retry.js";
import type { OpenCtiOperationName } from "./documents/index.js";

/** How many times an operation is tried (spec §3.3). */
export interface OperationPolicy {
  /** Attempts including the first; `Infinity` with `startupDeadline` for start-up operations. */
  maxAttempts: number;
  /** Retry until the start-up deadline rather than a number of attempts. */
  startupDeadline?: boolean;
  /** Only transport failures, 429 and 5xx are retried (not `LOCK_ERROR`). */
  transportOnly?: boolean;
}

/** Attempts per operation (spec §3.3). Pings are single: the loop retries on its next tick. */
export const OPERATION_POLICIES: Readonly<Record<OpenCtiOperationName, OperationPolicy>> = {
  healthCheck: { maxAttempts: Number.POSITIVE_INFINITY, startupDeadline: true },
  RegisterConnector: { maxAttempts: Number.POSITIVE_INFINITY, startupDeadline: true },
  PingConnector: { maxAttempts: 1 },
  GetConnector: { maxAttempts: 3 },
  ConnectorDeletionMutation: { maxAttempts: 1 },
  StreamCollection: { maxAttempts: 3 },
  workAdd: { maxAttempts: 5 },
  workToReceived: { maxAttempts: 5 },
  workToProcessed: { maxAttempts: 5 },
  addExpectations: { maxAttempts: 5 },
  reportExpectation: { maxAttempts: 5 },
  pingWork: { maxAttempts: 5 },
  addDraftContext: { maxAttempts: 5 },
  ConnectorWorksMutation: { maxAttempts: 5 },
  WorkQuery: { maxAttempts: 3 },
  WorkAliveQuery: { maxAttempts: 3 },
  StixBundlePush: { maxAttempts: 5, transportOnly: true },
  UploadPending: { maxAttempts: 3 },
  draftWorkspaceAdd: { maxAttempts: 3 },
  PlaybookStepExecution: { maxAttempts: 3 },
};

/** Retry decision of an operation: the error's own `isRetryable`, narrowed to transport errors when asked. */
export function classifyFor(policy: OperationPolicy): (error: unknown) => RetryDecision {
  return (error) => {
    const e = error as { isRetryable?: unknown; retryAfterMs?: number | undefined };
    const retryable = e?.isRetryable === true && (!policy.transportOnly || OpenCTIUnavailableError.isInstance(error));
    return { retryable, retryAfterMs: e?.retryAfterMs };
  };
}
