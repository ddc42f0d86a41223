import { describe, expect, it } from "vitest";
import { describeAmqpEndpoint, resolveAmqpConnection } from "./amqp-connection-settings.js";

const registration = {
  host: "rabbitmq",
  vhost: "/",
  use_ssl: false,
  port: 5672,
  user: "opencti",
  pass: "platform-pass",
};

describe("resolveAmqpConnection", () => {
  it("uses the registration's broker settings when nothing is overridden", () => {
    expect(resolveAmqpConnection(registration)).toEqual({
      host: "rabbitmq",
      port: 5672,
      vhost: "/",
      useSsl: false,
      user: "opencti",
      pass: "platform-pass",
      tls: { ca: undefined, cert: undefined, key: undefined, passphrase: undefined, rejectUnauthorized: false },
    });
  });

  it("applies each MQ_* override that is set and keeps the others", () => {
    const resolved = resolveAmqpConnection(registration, {
      host: "localhost",
      port: 5671,
      useSsl: true,
      pass: "local-pass",
      sslCa: "-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----",
      sslRejectUnauthorized: true,
    });
    expect(resolved).toMatchObject({ host: "localhost", port: 5671, vhost: "/", useSsl: true, user: "opencti" });
    expect(resolved.pass).toBe("local-pass");
    expect(resolved.tls.rejectUnauthorized).toBe(true);
    expect(resolved.tls.ca).toContain("BEGIN CERTIFICATE");
  });
});

describe("describeAmqpEndpoint", () => {
  it("URL-encodes the vhost and never shows credentials", () => {
    const settings = resolveAmqpConnection(registration);
    expect(describeAmqpEndpoint(settings)).toBe("amqp://rabbitmq:5672/%2F");
    expect(describeAmqpEndpoint({ ...settings, useSsl: true, vhost: "octi/prod" })).toBe(
      "amqps://rabbitmq:5672/octi%2Fprod",
    );
  });
});
