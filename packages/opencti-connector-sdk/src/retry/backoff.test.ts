import { describe, expect, it } from "vitest";
import { backoffDelay, delayWithRetryAfter, parseRetryAfter } from "./backoff.js";

describe("backoffDelay", () => {
  it("draws within an exponentially growing, capped ceiling", () => {
    const max = { baseDelayMs: 1_000, maxDelayMs: 60_000, random: () => 0.999_999 };
    expect([1, 2, 3, 4, 7, 8, 20].map((r) => backoffDelay(r, max))).toEqual([
      999, 1_999, 3_999, 7_999, 59_999, 59_999, 59_999,
    ]);
    expect(backoffDelay(5, { ...max, random: () => 0 })).toBe(0);
    expect(backoffDelay(3, { ...max, random: () => 0.5 })).toBe(2_000);
  });
});

describe("delayWithRetryAfter", () => {
  it("honours a longer hint, clamped to the maximum", () => {
    expect(delayWithRetryAfter(500, undefined, 60_000)).toBe(500);
    expect(delayWithRetryAfter(500, 3_000, 60_000)).toBe(3_000);
    expect(delayWithRetryAfter(5_000, 3_000, 60_000)).toBe(5_000);
    expect(delayWithRetryAfter(500, 3_600_000, 60_000)).toBe(60_000);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-01-01T00:00:00Z");
  it("reads delta seconds and HTTP dates", () => {
    expect(parseRetryAfter("2", now)).toBe(2_000);
    expect(parseRetryAfter("0.5", now)).toBe(500);
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:00:10 GMT", now)).toBe(10_000);
    expect(parseRetryAfter("Wed, 31 Dec 2025 00:00:10 GMT", now)).toBe(0);
  });
  it("ignores absent or malformed values", () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter("", now)).toBeUndefined();
    expect(parseRetryAfter("soon", now)).toBeUndefined();
  });
});
