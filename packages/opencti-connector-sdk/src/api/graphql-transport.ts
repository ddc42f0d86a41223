import { ClientError, GraphQLClient } from "graphql-request";
import type { z } from "zod";
import type { Clock } from "../clock/clock.js";
import { OpenCTIApiError } from "../errors/opencti-api-error.js";
import { errorFromNetwork, errorFromReply, type FailedCall } from "./reply-errors.js";

/** Options of {@link createGraphQLTransport}. */
export interface GraphQLTransportOptions {
  /** `<OPENCTI_URL>/graphql`. */
  endpoint: string;
  /** Headers of every request (authorization, user agent, custom headers). */
  headers: Record<string, string>;
  fetch: typeof fetch;
  timeoutMs: number;
  clock: Clock;
  /** The platform version once known, quoted in schema-mismatch errors. */
  platformVersion: () => string | undefined;
}

/** Sends one GraphQL operation and returns its validated `data`, or throws a typed `OpenCTIApiError`. */
export interface GraphQLTransport {
  /** The endpoint without credentials or query string, as errors show it. */
  readonly url: string;
  execute<T>(operation: string, document: string, variables: Record<string, unknown>, schema: z.ZodType<T>): Promise<T>;
  /** Sends a GraphQL multipart request (file upload); `form` holds `operations`, `map` and the file parts. */
  executeMultipart<T>(operation: string, form: FormData, schema: z.ZodType<T>): Promise<T>;
}

/** Marks a failure of the `fetch` itself (no reply), as opposed to errors graphql-request raises on a reply. */
class FetchFailure extends Error {
  constructor(readonly original: unknown) {
    super("fetch failed");
  }
}

/** The endpoint as errors and logs show it: no user info, query or fragment. */
export function displayUrl(endpoint: string): string {
  try {
    const url = new URL(endpoint);
    return `${url.protocol}//${url.host}${url.pathname}`;
  } catch {
    return "(invalid URL)";
  }
}

/**
 * The GraphQL transport of the OpenCTI client: graphql-request over the given `fetch`, a per-request timeout
 * driven by the clock, error mapping (spec §3.2) and zod validation of `data`. No retries here (see the client).
 */
export function createGraphQLTransport(options: GraphQLTransportOptions): GraphQLTransport {
  const url = displayUrl(options.endpoint);
  // A failure to send, or to read the body (a dropped connection), is a network failure, not a bad reply.
  const guardedFetch = async (input: string | URL | Request, init?: RequestInit) => {
    let response: Response;
    try {
      response = await options.fetch(input, init);
    } catch (error) {
      throw new FetchFailure(error);
    }
    const readText = response.text.bind(response);
    return Object.assign(response, {
      text: async () => {
        try {
          return await readText();
        } catch (error) {
          throw new FetchFailure(error);
        }
      },
    });
  };
  const client = new GraphQLClient(options.endpoint, {
    fetch: guardedFetch as typeof fetch,
    headers: options.headers,
    errorPolicy: "none",
  });
  const call = (operation: string): FailedCall => ({
    operation,
    url,
    platformVersion: options.platformVersion(),
    nowMs: options.clock.now(),
  });

  /** Runs `send` with an abort signal that fires after `timeoutMs` on the clock. */
  const withTimeout = async <T>(operation: string, send: (signal: AbortSignal) => Promise<T>): Promise<T> => {
    const request = new AbortController();
    const timer = new AbortController();
    let timedOut = false;
    options.clock.sleep(options.timeoutMs, timer.signal).then(
      () => {
        timedOut = true;
        request.abort(new Error(`timeout after ${options.timeoutMs} ms`));
      },
      () => {},
    );
    try {
      return await send(request.signal);
    } catch (error) {
      if (error instanceof FetchFailure || timedOut)
        throw errorFromNetwork(call(operation), (error as FetchFailure).original ?? error, timedOut);
      throw error;
    } finally {
      timer.abort();
    }
  };

  const validate = <T>(operation: string, data: unknown, schema: z.ZodType<T>): T => {
    const parsed = schema.safeParse(data);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    const path = issue === undefined ? "data" : ["data", ...issue.path.map(String)].join(".");
    throw new OpenCTIApiError(
      `OpenCTI answered ${operation} with an unexpected shape at ${path}: ${issue?.message ?? "invalid"}`,
      { operation, url, status: 200, code: "INVALID_RESPONSE" },
    );
  };

  return {
    url,
    execute: async (operation, document, variables, schema) => {
      const data = await withTimeout(operation, async (signal) => {
        try {
          return await client.request<unknown>({ document, variables, signal });
        } catch (error) {
          if (error instanceof ClientError) {
            const { status, headers, body, errors } = error.response as {
              status: number;
              headers: Headers;
              body?: string;
              errors?: unknown[];
            };
            throw errorFromReply(call(operation), { status, headers, body, errors });
          }
          if (error instanceof FetchFailure || signal.aborted) throw error;
          throw new OpenCTIApiError(`OpenCTI answered ${operation} with a body that is not a GraphQL result`, {
            operation,
            url,
            code: "INVALID_RESPONSE",
            cause: error,
          });
        }
      });
      return validate(operation, data, schema);
    },
    executeMultipart: async (operation, form, schema) => {
      const data = await withTimeout(operation, async (signal) => {
        const response = await guardedFetch(options.endpoint, {
          method: "POST",
          headers: options.headers,
          body: form,
          signal,
        });
        const body = await response.text();
        let result: { data?: unknown; errors?: unknown[] } | undefined;
        try {
          result = JSON.parse(body) as { data?: unknown; errors?: unknown[] };
        } catch {
          result = undefined;
        }
        if (!response.ok || result === undefined || (result.errors?.length ?? 0) > 0) {
          throw errorFromReply(call(operation), {
            status: response.status,
            headers: response.headers,
            body,
            errors: result?.errors,
          });
        }
        return result.data;
      });
      return validate(operation, data, schema);
    },
  };
}
