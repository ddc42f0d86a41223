import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";

/** A response the fixture server gives instead of a file. */
export interface FixtureResponse {
  status: number;
  body: string;
}

/** A running fixture server. */
export interface FixtureServer {
  /** Base URL, e.g. `http://127.0.0.1:8085`. */
  readonly url: string;
  /** Paths requested so far, in order. */
  readonly requests: readonly string[];
  /** The URL of a file, e.g. `fileUrl("known_exploited_vulnerabilities.json")`. */
  fileUrl(name: string): string;
  /** Serves `response` (a JSON body, or a status and body) for `name` instead of the file on disk. */
  set(name: string, response: string | FixtureResponse): void;
  close(): Promise<void>;
}

/** Options of {@link startFixtureServer}. */
export interface FixtureServerOptions {
  /** The folder whose `.json` files are served at `/<name>`. */
  dir: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
}

const FILE_NAME = /^\/([\w.-]+\.json)$/;

/**
 * Serves the JSON files of a folder over HTTP, so the connector reads its sample data as it reads the real feed,
 * offline. Only plain file names are served (no sub-folders, no `..`); anything else is a 404.
 */
export async function startFixtureServer(options: FixtureServerOptions): Promise<FixtureServer> {
  const overrides = new Map<string, FixtureResponse>();
  const requests: string[] = [];
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://fixtures").pathname;
    requests.push(path);
    const name = FILE_NAME.exec(path)?.[1];
    const send = ({ status, body }: FixtureResponse) => {
      response.writeHead(status, { "content-type": "application/json" }).end(body);
    };
    if (request.method !== "GET" || name === undefined) return send({ status: 404, body: '{"error":"not found"}' });
    const override = overrides.get(name);
    if (override !== undefined) return send(override);
    readFile(join(options.dir, name), "utf8").then(
      (body) => send({ status: 200, body }),
      () => send({ status: 404, body: '{"error":"not found"}' }),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  const url = `http://${address}:${port}`;
  let closing: Promise<void> | undefined;
  return {
    url,
    requests,
    fileUrl: (name) => `${url}/${name}`,
    set: (name, value) => overrides.set(name, typeof value === "string" ? { status: 200, body: value } : value),
    close: () => {
      closing ??= new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
