import type { Clock } from "../clock/clock.js";
import type { Logger } from "../logging/logger.js";
import type { OpenCtiApi } from "./types.js";

/** Options of `createOpenCtiClient`. */
export interface OpenCtiClientOptions {
  /** Platform URL (`OPENCTI_URL`); requests go to `<url>/graphql`. */
  url: string;
  /** API token, sent as `Authorization: Bearer <token>`; never logged or put in an error. */
  token: string;
  /** Extra headers of every request (`OPENCTI_CUSTOM_HEADERS`). */
  customHeaders?: Readonly<Record<string, string>>;
  /** Verify the platform's TLS certificate; default `true`. */
  sslVerify?: boolean;
  /** PEM CA bundle to verify against (replaces the default trust store). */
  caPath?: string;
  /** Per-request timeout; default 300 000 ms (pycti's). */
  timeoutMs?: number;
  /** How long `about` and `registerConnector` keep retrying; default 300 000 ms (spec §3.3). */
  startupDeadlineMs?: number;
  /** Source of time for timeouts and retry waits; default the system clock. */
  clock?: Clock;
  /** Retries and failures are logged here, under the name `api`. */
  logger?: Logger;
  /** Replaces the TLS-aware fetch (tests); `sslVerify` and `caPath` then do not apply. */
  fetch?: typeof fetch;
  /** Jitter source of retry delays (tests). */
  random?: () => number;
}

/** A stream collection (`StreamCollection`). */
export interface StreamCollectionDetails {
  id: string;
  name: string | null;
  description: string | null;
  stream_live: boolean | null;
  stream_public: boolean | null;
}

/** Variables of `PlaybookStepExecution`. */
export interface PlaybookStepExecutionInput {
  execution_id: string;
  event_id: string;
  execution_start: string;
  data_instance_id: string;
  playbook_id: string;
  previous_step_id: string;
  step_id: string;
  previous_bundle: string;
  bundle: string;
}

/**
 * The OpenCTI GraphQL client: every {@link OpenCtiApi} operation plus the draft, playbook and stream operations,
 * the platform version once known, and `close()`.
 */
export interface OpenCtiClient extends OpenCtiApi {
  /** The GraphQL endpoint (without credentials). */
  readonly url: string;
  /** `about.version` after a successful `about()`. */
  readonly platformVersion: string | undefined;
  streamCollection(id: string): Promise<StreamCollectionDetails | null>;
  addDraftContext(workId: string, draftContext: string): Promise<void>;
  /** Creates a draft; returns its id. */
  draftWorkspaceAdd(input: { name: string; entity_id?: string }): Promise<string>;
  playbookStepExecution(input: PlaybookStepExecutionInput): Promise<boolean>;
  /** Stops pending retry waits and closes the connections. Idempotent. */
  close(): Promise<void>;
}
