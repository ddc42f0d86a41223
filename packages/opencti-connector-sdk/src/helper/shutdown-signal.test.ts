import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { onShutdownSignal, type SignalSource } from "./shutdown-signal.js";

describe("onShutdownSignal", () => {
  it("calls the handler on SIGTERM and SIGINT, counting signals, until disposed", () => {
    const source = new EventEmitter() as EventEmitter & SignalSource;
    const seen: [string, number][] = [];
    const dispose = onShutdownSignal((signal, count) => void seen.push([signal, count]), { source });
    expect(source.listenerCount("SIGTERM")).toBe(1);
    expect(source.listenerCount("SIGINT")).toBe(1);
    source.emit("SIGTERM", "SIGTERM");
    source.emit("SIGINT", "SIGINT");
    source.emit("SIGHUP", "SIGHUP");
    expect(seen).toEqual([
      ["SIGTERM", 1],
      ["SIGINT", 2],
    ]);
    dispose();
    expect(source.listenerCount("SIGTERM")).toBe(0);
    expect(source.listenerCount("SIGINT")).toBe(0);
    source.emit("SIGTERM", "SIGTERM");
    expect(seen).toHaveLength(2);
  });

  it("installs nothing on the real process until called, and removes what it installed", () => {
    const before = process.listenerCount("SIGUSR2");
    const dispose = onShutdownSignal(() => {}, { signals: ["SIGUSR2"] });
    expect(process.listenerCount("SIGUSR2")).toBe(before + 1);
    dispose();
    expect(process.listenerCount("SIGUSR2")).toBe(before);
  });
});
