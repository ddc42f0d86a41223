import { describe, expect, it } from "vitest";
import { classifyAmqpConnectError } from "./amqp-connection.js";

describe("classifyAmqpConnectError", () => {
  it("retries network failures, forced closes and unknown errors", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" });
    expect(classifyAmqpConnectError(refused)).toEqual({ retryable: true });
    expect(classifyAmqpConnectError(Object.assign(new Error("closed"), { code: 320 }))).toEqual({ retryable: true });
    expect(classifyAmqpConnectError(new Error("connect ETIMEDOUT"))).toEqual({ retryable: true });
  });

  it("does not retry refused credentials, a forbidden vhost or a failed TLS verification", () => {
    const refused = new Error('Handshake terminated by server: 403 (ACCESS-REFUSED) with message "ACCESS_REFUSED"');
    expect(classifyAmqpConnectError(refused)).toEqual({ retryable: false });
    expect(classifyAmqpConnectError(Object.assign(new Error("x"), { code: 530 }))).toEqual({ retryable: false });
    const tls = Object.assign(new Error("self-signed certificate"), { code: "DEPTH_ZERO_SELF_SIGNED_CERT" });
    expect(classifyAmqpConnectError(tls)).toEqual({ retryable: false });
  });
});
