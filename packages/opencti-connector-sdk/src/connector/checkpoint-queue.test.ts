import { describe, expect, it } from "vitest";
import { CheckpointQueue } from "./checkpoint-queue.js";

function deferred() {
  let resolve = () => {};
  let reject: (error: unknown) => void = () => {};
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe("CheckpointQueue", () => {
  it("persists a checkpoint only once every batch before it is confirmed, in any order", async () => {
    const persisted: string[] = [];
    const queue = new CheckpointQueue<string>(async (state) => {
      persisted.push(state);
    });
    queue.add(1, "after-1");
    queue.add(2, "after-2");
    queue.confirm(2);
    await queue.flush();
    expect(persisted).toEqual([]);
    expect(queue.confirmedThrough).toBe(0);
    queue.confirm(1);
    await queue.flush();
    expect(persisted).toEqual(["after-1", "after-2"]);
    expect(queue.persisted).toEqual({ state: "after-2" });
    expect(queue.confirmedThrough).toBe(2);
  });

  it("persists a checkpoint registered before any batch at once", async () => {
    const persisted: string[] = [];
    const queue = new CheckpointQueue<string>(async (state) => {
      persisted.push(state);
    });
    queue.add(0, "start");
    await queue.flush();
    expect(persisted).toEqual(["start"]);
  });

  it("writes every eligible checkpoint, one at a time and in order, and reports the backlog", async () => {
    const calls: { state: string; done: ReturnType<typeof deferred> }[] = [];
    const queue = new CheckpointQueue<string>((state) => {
      const done = deferred();
      calls.push({ state, done });
      return done.promise;
    });
    for (const n of [1, 2, 3]) {
      queue.add(n, `b${n}`);
      queue.confirm(n);
    }
    expect(calls.map((c) => c.state)).toEqual(["b1"]);
    expect(queue.backlog).toBe(3);
    let belowTwo = false;
    const waiting = queue.waitForBacklog(1).then(() => {
      belowTwo = true;
    });
    calls[0]?.done.resolve();
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls.map((c) => c.state)).toEqual(["b1", "b2"]);
    expect(belowTwo).toBe(false);
    calls[1]?.done.resolve();
    await waiting;
    expect(queue.backlog).toBe(1);
    calls[2]?.done.resolve();
    await queue.flush();
    expect(queue.persisted).toEqual({ state: "b3" });
    expect(queue.backlog).toBe(0);
  });

  it("stops after a failed write and rejects flush with its error", async () => {
    const persisted: string[] = [];
    const failure = new Error("ping refused");
    const queue = new CheckpointQueue<string>(async (state) => {
      if (state === "b1") throw failure;
      persisted.push(state);
    });
    queue.add(1, "b1");
    queue.confirm(1);
    await expect(queue.flush()).rejects.toBe(failure);
    queue.add(2, "b2");
    queue.confirm(2);
    await expect(queue.flush()).rejects.toBe(failure);
    expect(persisted).toEqual([]);
    expect(queue.failure).toEqual({ error: failure });
    expect(queue.persisted).toBeUndefined();
  });
});
