import { describe, expect, it } from "vitest";
import { z } from "zod";
import { InvalidStateError } from "../errors/invalid-state-error.js";
import {
  assertAcceptsEmptyState,
  importStateSchema,
  mergeCheckpoint,
  readStoredState,
  relativeStart,
} from "./import-state.js";

const schema = importStateSchema(z.object({ cursor: z.number().int().optional() }));

describe("import state", () => {
  it("reads no state as the empty state and a stored one with last_run", () => {
    expect(readStoredState(schema, null)).toEqual({});
    expect(readStoredState(schema, { cursor: 3, last_run: "2026-02-12T22:00:00.000Z" })).toEqual({
      cursor: 3,
      last_run: "2026-02-12T22:00:00.000Z",
    });
  });

  it("rejects a stored state the schema refuses, naming the field", () => {
    const error = (() => {
      try {
        readStoredState(schema, { cursor: "three" });
      } catch (e) {
        return e;
      }
    })();
    expect(InvalidStateError.isInstance(error)).toBe(true);
    expect((error as InvalidStateError).origin).toBe("stored");
    expect((error as InvalidStateError).issues.map((i) => i.field)).toEqual(["cursor"]);
    expect((error as Error).message).toMatch(/^The connector state stored on the platform does not match.*: cursor: /);
  });

  it("merges a checkpoint into the current state and checks it", () => {
    expect(mergeCheckpoint(schema, { cursor: 1 }, { cursor: 2 })).toEqual({ cursor: 2 });
    expect(() => mergeCheckpoint(schema, { cursor: 1 }, { cursor: 1.5 })).toThrow(
      "checkpoint() was given a state that does not match the state schema: cursor: ",
    );
    expect(() => mergeCheckpoint(schema, {}, { last_run: "yesterday" })).toThrow(InvalidStateError);
  });

  it("requires state schemas to accept the first run's empty state", () => {
    expect(() => assertAcceptsEmptyState(z.object({ cursor: z.string() }))).toThrow(
      "The state schema must accept the empty state of a first run: make cursor optional or give a default",
    );
    expect(() => assertAcceptsEmptyState(z.object({ cursor: z.string().default("0") }))).not.toThrow();
  });

  it("computes a relative start from milliseconds or an ISO-8601 duration", () => {
    const now = Date.parse("2026-02-12T22:00:00.000Z");
    expect(relativeStart(now, "P30D")).toBe("2026-01-13T22:00:00.000Z");
    expect(relativeStart(now, 3_600_000)).toBe("2026-02-12T21:00:00.000Z");
    expect(() => relativeStart(now, -1)).toThrow(RangeError);
    expect(() => relativeStart(now, "30 days")).toThrow(RangeError);
  });
});
