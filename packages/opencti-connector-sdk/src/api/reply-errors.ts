import { OpenCTIApiError } from "../errors/opencti-api-error.js";
import { OPENCTI_AUTH_ERROR_CODES, OpenCTIAuthError } from "../errors/opencti-auth-error.js";
import { OpenCTIGraphQLError, type OpenCTIGraphQLErrorEntry } from "../errors/opencti-graphql-error.js";
import { OpenCTIUnavailableError } from "../errors/opencti-unavailable-error.js";
import { parseRetryAfter } from "../retry/backoff.js";

/** What is known about the call that failed. */
export interface FailedCall {
  operation: string;
  /** The endpoint, already stripped of credentials. */
  url: string;
  /** Platform version, when already known (for schema mismatch messages). */
  platformVersion?: string | undefined;
  nowMs: number;
}

/** A reply that is not a successful GraphQL result. */
export interface FailedReply {
  status: number;
  headers: Headers;
  /** Raw body, when it could not be read as GraphQL. */
  body?: string | undefined;
  /** The GraphQL `errors` array, when the body had one. */
  errors?: readonly unknown[] | undefined;
}

const MAX_DETAIL = 200;

function entry(error: unknown): OpenCTIGraphQLErrorEntry {
  const e = (typeof error === "object" && error !== null ? error : {}) as {
    message?: unknown;
    name?: unknown;
    extensions?: { code?: unknown };
  };
  const code =
    typeof e.extensions?.code === "string" ? e.extensions.code : typeof e.name === "string" ? e.name : undefined;
  return { message: typeof e.message === "string" ? e.message : String(error), code };
}

/** A short, single-line excerpt of a non-GraphQL body (`message` of a JSON body when there is one). */
function bodyDetail(body: string | undefined): string | undefined {
  if (body === undefined || body.trim() === "") return undefined;
  let text = body;
  try {
    const parsed = JSON.parse(body) as { message?: unknown };
    if (typeof parsed.message === "string") text = parsed.message;
  } catch {
    // Not JSON (e.g. a proxy's HTML page): keep the raw text.
  }
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > MAX_DETAIL ? `${line.slice(0, MAX_DETAIL)}...` : line;
}

/**
 * Maps a failed reply to the client's typed errors (spec §3.2): GraphQL errors by their code (authentication codes
 * to {@link OpenCTIAuthError}, the rest to {@link OpenCTIGraphQLError}), then HTTP 401/403 to `OpenCTIAuthError`,
 * any other status to {@link OpenCTIUnavailableError} (with `Retry-After`).
 */
export function errorFromReply(call: FailedCall, reply: FailedReply): OpenCTIApiError {
  const entries = (reply.errors ?? []).map(entry);
  const status = reply.status === 200 ? undefined : reply.status;
  const authEntry = entries.find((e) => e.code !== undefined && OPENCTI_AUTH_ERROR_CODES.includes(e.code));
  if (authEntry?.code !== undefined) {
    return new OpenCTIAuthError({ ...call, status, code: authEntry.code, detail: authEntry.message });
  }
  if (entries.length > 0) {
    return new OpenCTIGraphQLError({ ...call, status: reply.status, errors: entries });
  }
  const detail = bodyDetail(reply.body);
  if (reply.status === 401 || reply.status === 403) {
    return new OpenCTIAuthError({
      ...call,
      status: reply.status,
      code: `HTTP_${reply.status}`,
      ...(detail === undefined ? {} : { detail }),
    });
  }
  if (reply.status >= 200 && reply.status < 300) {
    return new OpenCTIApiError(`OpenCTI answered ${call.operation} with a body that is not a GraphQL result`, {
      ...call,
      status: reply.status,
      code: "INVALID_RESPONSE",
    });
  }
  return new OpenCTIUnavailableError({
    ...call,
    reason: "status",
    status: reply.status,
    detail,
    retryAfterMs: parseRetryAfter(reply.headers.get("retry-after"), call.nowMs),
  });
}

/** OpenSSL verification failures and Node TLS errors (`UNABLE_TO_VERIFY_LEAF_SIGNATURE`, `CERT_HAS_EXPIRED`...). */
const TLS_CODE = /CERT|SELF_SIGNED|ERR_TLS|SSL|UNABLE_TO_(VERIFY|GET_ISSUER)/;

/** Maps a failure to send or receive (no reply) to {@link OpenCTIUnavailableError}. */
export function errorFromNetwork(call: FailedCall, error: unknown, timedOut: boolean): OpenCTIUnavailableError {
  if (timedOut) return new OpenCTIUnavailableError({ ...call, reason: "timeout" });
  // fetch wraps the socket error: `TypeError: fetch failed` with the system error as cause.
  const root = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code = (root as { code?: unknown }).code;
  const message = root instanceof Error ? root.message : String(root);
  const reason = typeof code === "string" && TLS_CODE.test(code) ? "tls" : "network";
  return new OpenCTIUnavailableError({ ...call, reason, detail: message, cause: error });
}
