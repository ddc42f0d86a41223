import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineConnectorConfig } from "../config/define-connector-config.js";
import { loadConnectorConfig } from "../config/load-connector-config.js";
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

describe("resolveAmqpConnection with a loaded configuration", () => {
  it("applies the MQ_* variables of the configuration's mq section", () => {
    const definition = defineConnectorConfig({
      namespace: "feed",
      schema: z.object({}),
      connector: { type: "EXTERNAL_IMPORT", name: "Feed", durationPeriod: "PT1H" },
    });
    const load = (mq: Record<string, string>) =>
      loadConnectorConfig(definition, {
        env: {
          OPENCTI_URL: "http://opencti:8080",
          OPENCTI_TOKEN: "f8a3b2c1-0d4e-4f5a-9b6c-7d8e9f0a1b2c",
          CONNECTOR_ID: "5ed680de-75e2-4aa0-bec0-4e8e5a0d1695",
          ...mq,
        },
        cwd: "/nonexistent",
      }).mq;
    expect(resolveAmqpConnection(registration, load({}))).toEqual(resolveAmqpConnection(registration));
    expect(
      resolveAmqpConnection(
        registration,
        load({
          MQ_HOST: "localhost",
          MQ_PORT: "5671",
          MQ_USE_SSL: "true",
          MQ_PASS: "local-pass",
          MQ_USE_SSL_CA: "-----BEGIN CA",
        }),
      ),
    ).toEqual({
      host: "localhost",
      port: 5671,
      vhost: "/",
      useSsl: true,
      user: "opencti",
      pass: "local-pass",
      tls: { ca: "-----BEGIN CA", cert: undefined, key: undefined, passphrase: undefined, rejectUnauthorized: false },
    });
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
