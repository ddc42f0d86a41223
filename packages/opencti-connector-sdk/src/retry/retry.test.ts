import { describe, expect, it } from "vitest";
import { FakeClock } from "../clock/fake-clock.js";
import { RetryExhaustedError } from "../errors/retry-exhausted-error.js";
import { type RetryEvent, withRetry } from "./retry.js";

class Flaky extends Error {
  readonly isRetryable = true;
  constructor(
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/** Drives the fake clock until `promise` settles. */
async function settle<T>(clock: FakeClock, promise: Promise<T>): Promise<PromiseSettledResult<T>> {
  const result = Promise.allSettled([promise]).then(([r]) => r as PromiseSettledResult<T>);
  let done = false;
  void result.then(() => {
    done = true;
  });
  while (!done) await clock.runNext();
  return result;
}

describe("withRetry", () => {
  it("retries retryable errors with backoff and returns the first success", async () => {
    const clock = new FakeClock();
    const events: RetryEvent[] = [];
    let calls = 0;
    const result = await settle(
      clock,
      withRetry(
        async (attempt) => {
          calls++;
          if (attempt < 3) throw new Flaky(`fail ${attempt}`);
          return "ok";
        },
        { operation: "op", clock, random: () => 0.5, onRetry: (e) => events.push(e) },
      ),
    );
    expect(result).toEqual({ status: "fulfilled", value: "ok" });
    expect(calls).toBe(3);
    expect(events.map((e) => [e.attempt, e.delayMs])).toEqual([
      [1, 500],
      [2, 1_000],
    ]);
    expect(clock.now()).toBe(1_500);
  });

  it("rethrows a non-retryable error unchanged after one attempt", async () => {
    const clock = new FakeClock();
    const denied = new Error("denied");
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw denied;
        },
        { operation: "op", clock },
      ),
    ).rejects.toBe(denied);
    expect(calls).toBe(1);
  });

  it("ends in RetryExhaustedError listing every attempt", async () => {
    const clock = new FakeClock();
    const result = await settle(
      clock,
      withRetry(
        async (attempt) => {
          throw new Flaky(`boom ${attempt}`);
        },
        { operation: "Register", clock, maxAttempts: 3, random: () => 0 },
      ),
    );
    expect(result.status).toBe("rejected");
    const error = (result as PromiseRejectedResult).reason;
    expect(RetryExhaustedError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      operation: "Register",
      reason: "attempts",
      message: "Register failed after 3 attempt(s): boom 3",
    });
    expect((error as RetryExhaustedError).attempts.map((a) => a.message)).toEqual(["boom 1", "boom 2", "boom 3"]);
    expect((error as RetryExhaustedError).cause).toBeInstanceOf(Flaky);
  });

  it("honours Retry-After hints and stops at the deadline", async () => {
    const clock = new FakeClock();
    const events: RetryEvent[] = [];
    const result = await settle(
      clock,
      withRetry(
        async () => {
          throw new Flaky("slow down", 20_000);
        },
        { operation: "op", clock, random: () => 0, deadlineMs: 50_000, onRetry: (e) => events.push(e) },
      ),
    );
    expect(events.map((e) => e.delayMs)).toEqual([20_000, 20_000]);
    expect((result as PromiseRejectedResult).reason).toMatchObject({ reason: "deadline" });
    expect(clock.now()).toBe(40_000);
  });

  it("stops waiting when aborted", async () => {
    const clock = new FakeClock();
    const controller = new AbortController();
    const running = withRetry(
      async () => {
        throw new Flaky("down");
      },
      { operation: "op", clock, signal: controller.signal },
    );
    await clock.advance(0);
    controller.abort(new Error("shutdown"));
    await expect(running).rejects.toThrow("shutdown");
  });
});
