import { createHash } from "node:crypto";
import { createHttpClient, ResponseValidationError } from "@org/opencti-connector-sdk";
import { type FileServer, startFileServer } from "@org/opencti-connector-testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DatasetsClient } from "../src/client.js";
import { FIXTURES, fixtureBundle } from "./support/datasets.js";

describe("DatasetsClient against the fixture server", () => {
  let server: FileServer;
  beforeAll(async () => {
    server = await startFileServer({ dir: FIXTURES });
  });
  afterAll(() => server.close());

  const client = () => new DatasetsClient(createHttpClient({ baseUrl: server.url, retry: { maxAttempts: 1 } }));

  it("downloads <base url>/<name>.json, hashes its JSON and returns its objects", async () => {
    const file = await client().fetchFile("sectors");
    const bundle = fixtureBundle("sectors");
    expect(server.requests.at(-1)).toBe("/sectors.json");
    expect(file.name).toBe("sectors");
    expect(file.url).toBe(`${server.url}/sectors.json`);
    expect(file.sha256).toBe(createHash("sha256").update(JSON.stringify(bundle)).digest("hex"));
    expect(file.objects.map((o) => ("object" in o ? o.object.id : o.id))).toEqual(
      bundle.objects.map((o) => (o as { id: string }).id),
    );
  });

  it("gives the same hash to the same content laid out differently", async () => {
    server.set("compact.json", JSON.stringify(fixtureBundle("sectors")));
    expect((await client().fetchFile("compact")).sha256).toBe((await client().fetchFile("sectors")).sha256);
  });

  it("rejects a file that is not JSON, or not a bundle, naming the field", async () => {
    server.set("truncated.json", '{"type": "bundle", "objects": [');
    server.set("list.json", JSON.stringify({ type: "report", id: "bundle--45cba854-b76b-4dea-b0a2-f278214f90d4" }));
    const failure = async (name: string): Promise<ResponseValidationError> => {
      try {
        await client().fetchFile(name);
      } catch (error) {
        return error as ResponseValidationError;
      }
      throw new Error(`${name}.json was accepted`);
    };
    const truncated = await failure("truncated");
    expect(ResponseValidationError.isInstance(truncated)).toBe(true);
    expect(truncated.field).toBe("(body)");
    expect(truncated.message).toMatch(
      /^Invalid response from GET http:\/\/127\.0\.0\.1:\d+\/truncated\.json: field `\(body\)`: not valid JSON/,
    );
    const list = await failure("list");
    expect(list.issues.map((i) => i.field)).toEqual(["type", "objects"]);
  });

  it("fails on a missing file", async () => {
    await expect(client().fetchFile("absent")).rejects.toMatchObject({ name: "SourceHttpError", status: 404 });
  });
});
