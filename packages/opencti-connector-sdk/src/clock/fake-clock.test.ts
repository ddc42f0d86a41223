import { describe, expect, it } from "vitest";
import { FakeClock } from "./fake-clock.js";

describe("FakeClock", () => {
  it("resolves sleeps in deadline order as time advances", async () => {
    const clock = new FakeClock(1_000);
    const order: string[] = [];
    void clock.sleep(300).then(() => order.push(`b@${clock.now()}`));
    void clock.sleep(100).then(() => order.push(`a@${clock.now()}`));
    await clock.advance(200);
    expect(order).toEqual(["a@1100"]);
    expect(clock.now()).toBe(1_200);
    await clock.advance(100);
    expect(order).toEqual(["a@1100", "b@1300"]);
    expect(clock.pendingSleeps).toBe(0);
  });

  it("runs sleeps started by woken code within the same advance", async () => {
    const clock = new FakeClock();
    const ticks: number[] = [];
    const loop = async () => {
      for (let i = 0; i < 3; i++) {
        await clock.sleep(40_000);
        ticks.push(clock.now());
      }
    };
    const done = loop();
    await clock.advance(120_000);
    await done;
    expect(ticks).toEqual([40_000, 80_000, 120_000]);
  });

  it("rejects an aborted sleep with the signal's reason and forgets it", async () => {
    const clock = new FakeClock();
    const controller = new AbortController();
    const sleeping = clock.sleep(1_000, controller.signal);
    controller.abort(new Error("stopped"));
    await expect(sleeping).rejects.toThrow("stopped");
    expect(clock.pendingSleeps).toBe(0);
  });

  it("runNext jumps to the earliest deadline", async () => {
    const clock = new FakeClock();
    void clock.sleep(5_000);
    expect(clock.nextDeadline).toBe(5_000);
    expect(await clock.runNext()).toBe(true);
    expect(clock.now()).toBe(5_000);
    expect(await clock.runNext()).toBe(false);
  });
});
