import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FileServer, startFileServer } from "../src/index.js";

describe("startFileServer", () => {
  let dir: string;
  let server: FileServer;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "testkit-files-"));
    await writeFile(join(dir, "feed.json"), '{"count":2}');
    await writeFile(join(dir, "export.csv"), "id,name\n1,Emotet\n");
    await writeFile(join(dir, ".env"), "SECRET=1");
    await mkdir(join(dir, "sub"));
    await writeFile(join(dir, "sub", "inner.json"), "{}");
    server = await startFileServer({ dir });
  });
  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function get(path: string, method = "GET") {
    const response = await fetch(`${server.url}${path}`, { method });
    return [response.status, response.headers.get("content-type"), await response.text()];
  }

  it("serves the folder's files with a content type from their extension, on loopback", async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.fileUrl("feed.json")).toBe(`${server.url}/feed.json`);
    expect(await get("/feed.json")).toEqual([200, "application/json", '{"count":2}']);
    expect(await get("/export.csv?since=2026-01-01")).toEqual([200, "text/csv", "id,name\n1,Emotet\n"]);
  });

  it("answers 404 for a missing file, a dotfile, a sub-folder, a path out of the folder and another method", async () => {
    const notFound = [404, "application/json", '{"error":"not found"}'];
    expect(await get("/missing.json")).toEqual(notFound);
    expect(await get("/.env")).toEqual(notFound);
    expect(await get("/sub")).toEqual(notFound);
    expect(await get("/sub/inner.json")).toEqual(notFound);
    expect(await get("/..%2F..%2Fetc%2Fpasswd")).toEqual(notFound);
    expect(await get("/feed.json", "POST")).toEqual(notFound);
  });

  it("serves what set() gives instead of the file, and records every path requested", async () => {
    const before = server.requests.length;
    server.set("feed.json", '{"count":3}');
    server.set("new.json", { status: 503, body: "busy", contentType: "text/plain" });
    expect(await get("/feed.json")).toEqual([200, "application/json", '{"count":3}']);
    expect(await get("/new.json")).toEqual([503, "text/plain", "busy"]);
    expect(server.requests.slice(before)).toEqual(["/feed.json", "/new.json"]);
  });

  it("closes idempotently", async () => {
    const other = await startFileServer({ dir });
    await other.close();
    await other.close();
    await expect(fetch(other.fileUrl("feed.json"))).rejects.toThrow();
  });
});
