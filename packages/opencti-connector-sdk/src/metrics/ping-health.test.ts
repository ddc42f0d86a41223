import { describe, expect, it } from "vitest";
import { FakeClock } from "../clock/fake-clock.js";
import { PingHealth } from "./ping-health.js";

describe("PingHealth", () => {
  it("is unhealthy before the first ping, healthy while the last success is recent, unhealthy after", async () => {
    const clock = new FakeClock(Date.parse("2026-03-01T00:00:00Z"));
    const health = new PingHealth({ clock, maxAgeMs: 60_000 });
    expect(health.check().healthy).toBe(false);
    health.recordSuccess();
    await clock.advance(60_000);
    health.recordFailure("ECONNREFUSED");
    expect(health.check()).toEqual({
      healthy: true,
      details: {
        last_ping_success: "2026-03-01T00:00:00.000Z",
        last_ping_error: { at: "2026-03-01T00:01:00.000Z", reason: "ECONNREFUSED" },
        consecutive_ping_failures: 1,
        max_age_seconds: 60,
      },
    });
    await clock.advance(1);
    expect(health.check().healthy).toBe(false);
    health.recordSuccess();
    expect(health.check()).toMatchObject({ healthy: true, details: { consecutive_ping_failures: 0 } });
  });
});
