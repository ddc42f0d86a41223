import { readFile } from "node:fs/promises";
import { Agent, fetch as undiciFetch } from "undici";

/** The `fetch` the client sends with, and how to release its connections. */
export interface PlatformFetch {
  fetch: typeof fetch;
  close(): Promise<void>;
}

/**
 * A `fetch` with the platform's TLS settings (spec §2.2 `OPENCTI_SSL_VERIFY`): certificate verification on or off
 * and, optionally, a CA bundle (PEM file) that replaces the default trust store, as pycti's `verify=<path>` does.
 * Uses undici's own `fetch` and `Agent` (Node 20's built-in fetch takes no TLS options). The CA file is read on the
 * first request, so creating the fetch does no I/O.
 */
export function createPlatformFetch(options: { sslVerify: boolean; caPath?: string | undefined }): PlatformFetch {
  let agent: Promise<Agent> | undefined;
  const getAgent = () => {
    agent ??= (async () => {
      const ca = options.caPath === undefined ? undefined : await readFile(options.caPath, "utf8");
      return new Agent({
        connect: { rejectUnauthorized: options.sslVerify, ...(ca === undefined ? {} : { ca }) },
      });
    })();
    return agent;
  };
  const platformFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const dispatcher = await getAgent();
    const response = await undiciFetch(input as Parameters<typeof undiciFetch>[0], {
      ...(init as Parameters<typeof undiciFetch>[1]),
      dispatcher,
    });
    return response as unknown as Response;
  };
  return {
    fetch: platformFetch as typeof fetch,
    close: async () => {
      if (agent === undefined) return;
      const current = agent;
      agent = undefined;
      await (await current.catch(() => undefined))?.close();
    },
  };
}
