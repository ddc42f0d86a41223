import { noopLogger } from "@org/opencti-connector-sdk";
import { describe, expect, it } from "vitest";
import { LocalQueue } from "./local-queue.js";

function setup(paused = false) {
  const handled: string[] = [];
  const queue = new LocalQueue({
    logger: noopLogger,
    paused,
    handle: async (connectorId, body) => {
      handled.push(`${connectorId}:${body}`);
    },
  });
  return { queue, handled };
}

describe("LocalQueue", () => {
  it("handles messages in order on later turns, and resolves idle once drained", async () => {
    const { queue, handled } = setup();
    queue.push("c1", "a");
    queue.push("c2", "b");
    expect(handled).toEqual([]);
    await queue.idle();
    expect(handled).toEqual(["c1:a", "c2:b"]);
  });

  it("reports waiting messages and their UTF-8 size per connector while paused", async () => {
    const { queue, handled } = setup(true);
    queue.push("c1", "é");
    queue.push("c1", "ab");
    queue.push("c2", "x");
    await queue.idle();
    expect(handled).toEqual([]);
    expect(queue.details("c1")).toEqual({ messages_number: 2, messages_size: 4 });
    queue.resume();
    await queue.idle();
    expect(handled).toHaveLength(3);
    expect(queue.details("c1")).toEqual({ messages_number: 0, messages_size: 0 });
  });

  it("purges one connector's messages", async () => {
    const { queue, handled } = setup(true);
    queue.push("c1", "a");
    queue.push("c2", "b");
    queue.purge("c1");
    queue.resume();
    await queue.idle();
    expect(handled).toEqual(["c2:b"]);
  });

  it("keeps going after a failing message", async () => {
    const handled: string[] = [];
    const queue = new LocalQueue({
      logger: noopLogger,
      paused: false,
      handle: async (_c, body) => {
        if (body === "bad") throw new Error("boom");
        handled.push(body);
      },
    });
    queue.push("c", "bad");
    queue.push("c", "good");
    await queue.idle();
    expect(handled).toEqual(["good"]);
  });
});
