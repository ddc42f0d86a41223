import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "@org/opencti-connector-sdk";

/** What the listener delegates to. */
export interface HttpRoutes {
  /** Answers a `POST /graphql` body given the request's `Authorization` and `User-Agent` headers. */
  graphql(
    body: string,
    headers: { authorization: string | undefined; userAgent: string | undefined },
  ): Promise<{ status: number; body: unknown }>;
  /** The read-only page at `/`, filtered by the `q` search parameter. */
  page(search: string): string;
}

class PayloadTooLarge extends Error {}

/**
 * The emulator's `node:http` request listener: `POST /graphql`, `GET /` (the page); 413 above the payload limit,
 * 404/405 elsewhere. It never throws: an unexpected failure answers 500 and the server keeps serving.
 */
export function createHttpListener(options: { routes: HttpRoutes; maxPayloadBytes: number; logger: Logger }) {
  const { routes, maxPayloadBytes, logger } = options;
  return (request: IncomingMessage, response: ServerResponse): void => {
    void (async () => {
      const url = new URL(request.url ?? "/", "http://emulator.invalid");
      try {
        if (url.pathname === "/graphql") {
          if (request.method !== "POST") {
            response.setHeader("allow", "POST");
            return send(response, 405, "text/plain; charset=utf-8", "Use POST for GraphQL requests.");
          }
          const body = await readBody(request, maxPayloadBytes);
          const answer = await routes.graphql(body, {
            authorization: request.headers.authorization,
            userAgent: request.headers["user-agent"],
          });
          return send(response, answer.status, "application/json; charset=utf-8", JSON.stringify(answer.body));
        }
        if (url.pathname === "/" && (request.method === "GET" || request.method === "HEAD")) {
          return send(response, 200, "text/html; charset=utf-8", routes.page(url.searchParams.get("q") ?? ""));
        }
        return send(
          response,
          404,
          "text/plain; charset=utf-8",
          "Not found: the emulator serves POST /graphql and GET /.",
        );
      } catch (error) {
        if (error instanceof PayloadTooLarge) {
          return send(response, 413, "text/plain; charset=utf-8", "request entity too large");
        }
        logger.error("Request failed", { path: url.pathname, error });
        const body = { errors: [{ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } }] };
        return send(response, 500, "application/json; charset=utf-8", JSON.stringify(body));
      }
    })();
  };
}

function send(response: ServerResponse, status: number, contentType: string, body: string): void {
  if (response.headersSent) return;
  response.writeHead(status, { "content-type": contentType, "content-length": Buffer.byteLength(body) });
  response.end(body);
}

/** Reads the body; past `limit` it keeps draining (so the 413 can be sent) but stops keeping bytes. */
function readBody(request: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    request.on("end", () =>
      size > limit ? reject(new PayloadTooLarge()) : resolve(Buffer.concat(chunks).toString("utf8")),
    );
    request.on("error", reject);
  });
}
