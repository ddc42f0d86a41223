import { describe, expect, it } from "vitest";
import { FakeClock } from "../clock/fake-clock.js";
import { TokenBucket } from "./token-bucket.js";

describe("TokenBucket", () => {
  it("lets a burst through, then spaces requests at the sustained rate, in arrival order", async () => {
    const clock = new FakeClock(10_000);
    const bucket = new TokenBucket({ clock, requestsPerSecond: 2, burst: 3 });
    const granted: string[] = [];
    const all = ["a", "b", "c", "d", "e"].map((id) =>
      bucket.acquire().then(() => granted.push(`${id}@${clock.now()}`)),
    );
    await clock.advance(0);
    expect(granted).toEqual(["a@10000", "b@10000", "c@10000"]);
    await clock.advance(1_000);
    await Promise.all(all);
    expect(granted).toEqual(["a@10000", "b@10000", "c@10000", "d@10500", "e@11000"]);
  });

  it("refills up to the burst size after a quiet period", async () => {
    const clock = new FakeClock();
    const bucket = new TokenBucket({ clock, requestsPerSecond: 1, burst: 2 });
    await bucket.acquire();
    await bucket.acquire();
    await clock.advance(60_000);
    const times: number[] = [];
    const all = [1, 2, 3].map(() => bucket.acquire().then(() => times.push(clock.now())));
    while (times.length < 3) await clock.runNext();
    await Promise.all(all);
    expect(times).toEqual([60_000, 60_000, 61_000]);
  });

  it("rejects an aborted wait without consuming a token and serves the next caller", async () => {
    const clock = new FakeClock();
    const bucket = new TokenBucket({ clock, requestsPerSecond: 1, burst: 1 });
    await bucket.acquire();
    const controller = new AbortController();
    const aborted = bucket.acquire(controller.signal);
    const next = bucket.acquire();
    controller.abort(new Error("stop"));
    await expect(aborted).rejects.toThrow("stop");
    await clock.advance(1_000);
    await next;
    expect(clock.now()).toBe(1_000);
  });

  it("rejects a non-positive rate", () => {
    expect(() => new TokenBucket({ clock: new FakeClock(), requestsPerSecond: 0 })).toThrow(
      "rateLimit.requestsPerSecond must be a positive number, got 0",
    );
  });
});
