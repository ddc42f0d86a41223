import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { FakeClock } from "../clock/fake-clock.js";
import { createLogger } from "./create-logger.js";
import type { LogLevel } from "./logger.js";
import { SecretRedactor } from "./secret-redactor.js";

const TOKEN = "f8a3b2c1-0d4e-4f5a-9b6c-7d8e9f0a1b2c";
const AT = Date.parse("2026-02-12T22:41:47.123Z");

function capture(options: { json?: boolean; level?: LogLevel; secrets?: string[] | SecretRedactor } = {}) {
  const stream = new PassThrough();
  const chunks: string[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk.toString("utf8")));
  const logger = createLogger({
    name: "Template",
    level: options.level ?? "debug",
    json: options.json ?? true,
    secrets: options.secrets ?? [TOKEN],
    stream,
    clock: new FakeClock(AT),
  });
  const lines = async () => {
    await logger.flush();
    return chunks
      .join("")
      .split("\n")
      .filter((l) => l !== "");
  };
  return { logger, lines };
}

describe("createLogger", () => {
  it("writes pycti's JSON line, byte for byte", async () => {
    const { logger, lines } = capture();
    logger.info("Connector registered with ID", { id: "5ed680de-75e2-4aa0-bec0-4e8e5a0d1695" });
    logger.warn("Queue size: 12 MB — buffering", { size: 12.5, ok: false, none: null });
    logger.debug("no attributes");
    expect(await lines()).toEqual([
      '{"timestamp": "2026-02-12T22:41:47.123000Z", "level": "INFO", "name": "Template", "message": "Connector registered with ID", "attributes": {"id": "5ed680de-75e2-4aa0-bec0-4e8e5a0d1695"}}',
      '{"timestamp": "2026-02-12T22:41:47.123000Z", "level": "WARNING", "name": "Template", "message": "Queue size: 12 MB \\u2014 buffering", "attributes": {"size": 12.5, "ok": false, "none": null}}',
      '{"timestamp": "2026-02-12T22:41:47.123000Z", "level": "DEBUG", "name": "Template", "message": "no attributes"}',
    ]);
  });

  it("drops lines under the threshold", async () => {
    const { logger, lines } = capture({ level: "warn" });
    logger.debug("d");
    logger.info("i");
    logger.warn("w");
    logger.error("e");
    expect((await lines()).map((l) => JSON.parse(l).level)).toEqual(["WARNING", "ERROR"]);
    expect(logger.isLevelEnabled("info")).toBe(false);
    expect(logger.isLevelEnabled("error")).toBe(true);
  });

  it("binds attributes and a name in children", async () => {
    const { logger, lines } = capture();
    const api = logger.child({ component: "client" }, "api");
    api.child({ operation: "PingConnector" }).error("Error pinging the API", { reason: "timeout" });
    expect((await lines()).map((l) => JSON.parse(l))).toEqual([
      {
        timestamp: "2026-02-12T22:41:47.123000Z",
        level: "ERROR",
        name: "api",
        message: "Error pinging the API",
        attributes: { component: "client", operation: "PingConnector", reason: "timeout" },
      },
    ]);
  });

  it("puts the attached error's stack and causes in exc_info, before the attributes", async () => {
    const { logger, lines } = capture();
    const cause = new Error("connect ECONNREFUSED 127.0.0.1:8080");
    const error = new Error("OpenCTI unreachable", { cause });
    logger.error("An unexpected error occurred during schedule", { error, run: 3 });
    const [line = ""] = await lines();
    const parsed = JSON.parse(line);
    expect(Object.keys(parsed)).toEqual(["timestamp", "level", "name", "message", "exc_info", "attributes"]);
    expect(parsed.attributes).toEqual({ error: "Error: OpenCTI unreachable", run: 3 });
    expect(parsed.exc_info).toMatch(/^Error: OpenCTI unreachable\n {4}at /);
    expect(parsed.exc_info).toContain("\nCaused by: Error: connect ECONNREFUSED 127.0.0.1:8080\n    at ");
  });

  it("redacts secrets from messages, attribute keys and values, error messages, stacks and causes", async () => {
    const redactor = new SecretRedactor([TOKEN]);
    const { logger, lines } = capture({ secrets: redactor });
    redactor.add("mq-password", undefined, "");
    const error = new Error(`HTTP 401 with Bearer ${TOKEN}`, { cause: new Error(`amqp://user:mq-password@host`) });
    logger.error(`token is ${TOKEN}`, {
      error,
      headers: { Authorization: `Bearer ${TOKEN}`, [TOKEN]: 1 },
      list: [TOKEN, { deep: `x${TOKEN}x` }],
    });
    logger.child({ token: TOKEN }, `name-${TOKEN}`).info("child");
    const output = (await lines()).join("\n");
    expect(output).not.toContain(TOKEN);
    expect(output).not.toContain("mq-password");
    const [first, second] = (await lines()).map((l) => JSON.parse(l));
    expect(first.message).toBe("token is [REDACTED]");
    expect(first.attributes).toEqual({
      error: "Error: HTTP 401 with Bearer [REDACTED]",
      headers: { Authorization: "Bearer [REDACTED]", "[REDACTED]": 1 },
      list: ["[REDACTED]", { deep: "x[REDACTED]x" }],
    });
    expect(first.exc_info).toContain("Caused by: Error: amqp://user:[REDACTED]@host");
    expect(second).toMatchObject({ name: "name-[REDACTED]", attributes: { token: "[REDACTED]" } });
    expect(redactor.size).toBe(2);
  });

  it("writes plain LEVEL:name:message lines with attributes and the stack trace", async () => {
    const { logger, lines } = capture({ json: false });
    logger.warn("Connector state has been remotely reset", { state: { cursor: 3 } });
    logger.error("failed", { error: new Error(`boom ${TOKEN}`) });
    const output = await lines();
    expect(output[0]).toBe('WARNING:Template:Connector state has been remotely reset {"state": {"cursor": 3}}');
    expect(output[1]).toBe('ERROR:Template:failed {"error": "Error: boom [REDACTED]"}');
    expect(output[2]).toBe("Error: boom [REDACTED]");
    expect(output[3]).toMatch(/^ {4}at /);
  });

  it("serialises dates, maps, sets, bigints and cycles safely", async () => {
    const { logger, lines } = capture();
    const cyclic: Record<string, unknown> = { name: "a" };
    cyclic.self = cyclic;
    logger.info("values", {
      at: new Date(AT),
      map: new Map([["k", 1]]),
      set: new Set(["v"]),
      big: 10n,
      cyclic,
      missing: undefined,
    });
    const [line = ""] = await lines();
    expect(JSON.parse(line).attributes).toEqual({
      at: "2026-02-12T22:41:47.123Z",
      map: { k: 1 },
      set: ["v"],
      big: "10",
      cyclic: { name: "a", self: "[Circular]" },
    });
  });
});
