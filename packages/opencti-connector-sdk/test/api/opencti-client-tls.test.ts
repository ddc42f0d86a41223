import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOpenCtiClient } from "../../src/api/opencti-client.js";
import { FakeClock } from "../../src/clock/fake-clock.js";
import { OpenCTIUnavailableError } from "../../src/errors/opencti-unavailable-error.js";

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/tls/${name}`, import.meta.url));
let server: Server;
let url: string;
const seen: string[] = [];

beforeAll(async () => {
  server = createServer(
    { key: readFileSync(fixture("server.key")), cert: readFileSync(fixture("server.pem")) },
    (request, response) => {
      seen.push(String(request.headers.authorization));
      response
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify({ data: { about: { version: "6.9.17" } } }));
    },
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe("OpenCTI client TLS", () => {
  it("verifies the platform against a CA bundle file", async () => {
    const api = createOpenCtiClient({
      url,
      token: "t",
      sslVerify: true,
      caPath: fixture("ca.pem"),
      clock: new FakeClock(),
    });
    expect(await api.about()).toEqual({ version: "6.9.17" });
    await api.close();
  });

  it("refuses a certificate it cannot verify, without retrying", async () => {
    const api = createOpenCtiClient({ url, token: "t", clock: new FakeClock() });
    const error = await api.about().catch((e: unknown) => e);
    expect(OpenCTIUnavailableError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ reason: "tls", isRetryable: false });
    expect((error as Error).message).toMatch(
      new RegExp(
        `^OpenCTI platform at ${url}/graphql presented a certificate that does not verify \\(see OPENCTI_SSL_VERIFY\\) during healthCheck: `,
      ),
    );
    await api.close();
  });

  it("skips verification when OPENCTI_SSL_VERIFY is false", async () => {
    const before = seen.length;
    const api = createOpenCtiClient({ url, token: "t", sslVerify: false, clock: new FakeClock() });
    expect(await api.about()).toEqual({ version: "6.9.17" });
    expect(seen.slice(before)).toEqual(["Bearer t"]);
    await api.close();
  });
});
