import { describe, expect, it } from "vitest";
import { formatInfoDatetime, initialDelayMs, nextRunDelayMs } from "./schedule-timing.js";

const HOUR = 3_600_000;

describe("initialDelayMs", () => {
  it("runs at once without a previous run or when it is older than one period", () => {
    expect(initialDelayMs({ now: 10 * HOUR, periodMs: HOUR })).toBe(0);
    expect(initialDelayMs({ now: 10 * HOUR, periodMs: HOUR, lastRunEnd: 9 * HOUR })).toBe(0);
    expect(initialDelayMs({ now: 10 * HOUR, periodMs: HOUR, lastRunEnd: 2 * HOUR })).toBe(0);
  });

  it("waits the remainder of the period after a recent run, at most one period", () => {
    expect(initialDelayMs({ now: 10 * HOUR, periodMs: HOUR, lastRunEnd: 10 * HOUR - 20 * 60_000 })).toBe(40 * 60_000);
    expect(initialDelayMs({ now: 10 * HOUR, periodMs: HOUR, lastRunEnd: 12 * HOUR })).toBe(HOUR);
  });

  it("ignores the previous run in run-and-terminate mode (zero period)", () => {
    expect(initialDelayMs({ now: 10 * HOUR, periodMs: 0, lastRunEnd: 10 * HOUR - 1 })).toBe(0);
  });

  it("adds a start jitter drawn from random", () => {
    expect(initialDelayMs({ now: 0, periodMs: HOUR, jitterMs: 10_000, random: () => 0.25 })).toBe(2_500);
    expect(
      initialDelayMs({
        now: 10 * HOUR,
        periodMs: HOUR,
        lastRunEnd: 10 * HOUR - 1_000,
        jitterMs: 100,
        random: () => 0.5,
      }),
    ).toBe(HOUR - 1_000 + 50);
  });
});

describe("nextRunDelayMs", () => {
  it("is the period after a success or without a failure backoff", () => {
    expect(nextRunDelayMs(HOUR, 0, { baseDelayMs: 1_000, maxDelayMs: 60_000 })).toBe(HOUR);
    expect(nextRunDelayMs(HOUR, 3)).toBe(HOUR);
  });

  it("doubles after each consecutive failure, capped by maxDelayMs and by the period", () => {
    const backoff = { baseDelayMs: 60_000, maxDelayMs: 600_000 };
    expect([1, 2, 3, 4, 5].map((n) => nextRunDelayMs(HOUR, n, backoff))).toEqual([
      60_000, 120_000, 240_000, 480_000, 600_000,
    ]);
    expect(nextRunDelayMs(90_000, 3, backoff)).toBe(90_000);
  });
});

describe("formatInfoDatetime", () => {
  it("formats UTC with whole seconds", () => {
    expect(formatInfoDatetime(Date.parse("2026-03-01T10:20:30.999Z"))).toBe("2026-03-01T10:20:30Z");
  });
});
