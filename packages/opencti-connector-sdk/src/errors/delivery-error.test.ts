import { describe, expect, it } from "vitest";
import { ConnectorSdkError } from "./connector-sdk-error.js";
import { DeliveryError } from "./delivery-error.js";
import { InvalidBundleError } from "./invalid-bundle-error.js";
import { RetryExhaustedError } from "./retry-exhausted-error.js";

describe("DeliveryError", () => {
  const cause = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5672"), { code: "ECONNREFUSED" });
  const error = new DeliveryError({
    transport: "amqp",
    phase: "connect",
    message: "cannot connect",
    isRetryable: true,
    host: "127.0.0.1",
    port: 5672,
    attempts: 3,
    cause,
  });

  it("names the transport, host and port, and keeps the decision data", () => {
    expect(error.message).toBe("amqp delivery failed (127.0.0.1:5672): cannot connect");
    expect(error).toMatchObject({ name: "DeliveryError", phase: "connect", isRetryable: true, attempts: 3 });
    expect([error.delivered, error.total]).toEqual([0, 0]);
    expect(error.cause).toBe(cause);
  });

  it("records the batch's progress in a copy", () => {
    const copy = error.withProgress(7, 10);
    expect(copy).toMatchObject({ message: error.message, delivered: 7, total: 10, host: "127.0.0.1", cause });
    expect([error.delivered, error.total]).toEqual([0, 0]);
  });

  it("is recognised by its own marker only", () => {
    expect(DeliveryError.isInstance(error)).toBe(true);
    expect(ConnectorSdkError.isInstance(error)).toBe(true);
    expect(RetryExhaustedError.isInstance(error)).toBe(false);
    expect(DeliveryError.isInstance(new InvalidBundleError("objects", "Nothing to import"))).toBe(false);
    expect(DeliveryError.isInstance({ message: "look-alike" })).toBe(false);
  });
});

describe("InvalidBundleError", () => {
  it("names the field and is never retryable", () => {
    const error = new InvalidBundleError("objects[2].id", "every object needs a non-empty string `id`");
    expect(error.message).toBe("objects[2].id: every object needs a non-empty string `id`");
    expect(error).toMatchObject({ name: "InvalidBundleError", field: "objects[2].id", isRetryable: false });
    expect(InvalidBundleError.isInstance(error)).toBe(true);
  });
});
