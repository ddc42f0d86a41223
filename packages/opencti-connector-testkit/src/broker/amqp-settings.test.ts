import { describe, expect, it } from "vitest";
import { amqpUrl, redactedAmqpUrl, resolveAmqpConnection } from "./amqp-settings.js";

describe("resolveAmqpConnection", () => {
  it("reads a URL with credentials, port and vhost", () => {
    expect(resolveAmqpConnection({ url: "amqp://bob:s%40cret@mq.local:5673/octi%2Fprod" })).toEqual({
      host: "mq.local",
      port: 5673,
      user: "bob",
      pass: "s@cret",
      vhost: "octi/prod",
      use_ssl: false,
    });
  });

  it("applies the defaults of a bare URL, and TLS for amqps", () => {
    expect(resolveAmqpConnection({ url: "amqp://127.0.0.1" })).toEqual({
      host: "127.0.0.1",
      port: 5672,
      user: "guest",
      pass: "guest",
      vhost: "/",
      use_ssl: false,
    });
    expect(resolveAmqpConnection({ url: "amqps://h" })).toMatchObject({ port: 5671, use_ssl: true });
  });

  it("accepts parts", () => {
    expect(resolveAmqpConnection({ host: "h", user: "u", pass: "p" })).toEqual({
      host: "h",
      port: 5672,
      user: "u",
      pass: "p",
      vhost: "/",
      use_ssl: false,
    });
  });

  it("names the problem of a bad option without echoing the password", () => {
    expect(resolveAmqpConnection({ url: "http://u:topsecret@h" })).toBe("has protocol http:; expected amqp: or amqps:");
    expect(resolveAmqpConnection({ url: "not a url" })).toMatch(/is not a URL/);
    expect(resolveAmqpConnection({ hots: "h" })).toMatch(/expected \{ url/);
  });
});

describe("amqpUrl", () => {
  it("encodes the vhost and credentials; the redacted form hides the password", () => {
    const connection = { host: "h", port: 5672, user: "u", pass: "p@ss", vhost: "/", use_ssl: false };
    expect(amqpUrl(connection)).toBe("amqp://u:p%40ss@h:5672/%2F");
    expect(redactedAmqpUrl(connection)).toBe("amqp://u:***@h:5672/%2F");
  });
});
