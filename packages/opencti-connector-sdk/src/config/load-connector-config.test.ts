import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, expectTypeOf, it } from "vitest";
import { z } from "zod";
import { ConfigError } from "../errors/config-error.js";
import { defineConnectorConfig } from "./define-connector-config.js";
import { isoDuration } from "./iso-duration.js";
import { loadConnectorConfig, resolveConnectorConfig } from "./load-connector-config.js";
import { secret } from "./secret.js";

const ID = "5ed680de-75e2-4aa0-bec0-4e8e5a0d1695";
const TOKEN = "f8a3b2c1-0d4e-4f5a-9b6c-7d8e9f0a1b2c";
const definition = defineConnectorConfig({
  namespace: "template",
  schema: z.object({
    api_base_url: z.url().default("https://api.example.com"),
    api_key: secret(z.string().min(8)),
    page_size: z.int().min(1).default(100),
    tlp_level: z.enum(["clear", "green", "amber", "red"]).default("clear"),
    import_start_date: isoDuration().prefault("P30D"),
    tags: z.array(z.string()).default([]),
    verbose: z.boolean().default(false),
  }),
  connector: { type: "EXTERNAL_IMPORT", name: "Template", scope: ["report", "vulnerability"], durationPeriod: "PT1H" },
});
const env = (extra: Record<string, string> = {}) => ({
  OPENCTI_URL: "http://localhost:8080/",
  OPENCTI_TOKEN: TOKEN,
  CONNECTOR_ID: ID,
  TEMPLATE_API_KEY: "s3cr3t-key",
  ...extra,
});
const tmp = () => mkdtempSync(join(tmpdir(), "sdk-config-"));
const noYaml = { cwd: tmp() };

function configError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (ConfigError.isInstance(error)) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("loadConnectorConfig", () => {
  it("applies every default and the connector's own ones", () => {
    const config = loadConnectorConfig(definition, { env: env(), ...noYaml });
    expect(config).toEqual({
      opencti: { url: "http://localhost:8080", token: TOKEN, sslVerify: false, customHeaders: {}, jsonLogging: true },
      connector: {
        id: ID,
        type: "EXTERNAL_IMPORT",
        name: "Template",
        scope: ["report", "vulnerability"],
        auto: false,
        autoUpdate: false,
        onlyContextual: false,
        enrichmentResolution: "none",
        logLevel: "error",
        durationPeriodMs: 3_600_000,
        runAndTerminate: false,
        queueThreshold: 500,
        queueProtocol: "amqp",
        sendToQueue: true,
        sendToDirectory: false,
        sendToDirectoryRetentionDays: 7,
        validateBeforeImport: false,
        exposeMetrics: false,
        metricsNamespace: "",
        metricsSubsystem: "",
        metricsPort: 9095,
        failOnUnsupportedPlatform: false,
        listenProtocol: "AMQP",
        listenProtocolApiPort: 7070,
        listenProtocolApiPath: "/api/callback",
        listenProtocolApiSsl: false,
        listenProtocolApiUri: "http://127.0.0.1:7070",
        liveStreamListenDelete: true,
        liveStreamNoDependencies: true,
        liveStreamWithInferences: false,
      },
      mq: { sslRejectUnauthorized: false },
      template: {
        api_base_url: "https://api.example.com",
        api_key: "s3cr3t-key",
        page_size: 100,
        tlp_level: "clear",
        import_start_date: 2_592_000_000,
        tags: [],
        verbose: false,
      },
    });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.connector.scope)).toBe(true);
    expect(Object.isFrozen(config.template)).toBe(true);
    expectTypeOf(config.template.page_size).toEqualTypeOf<number>();
    expectTypeOf(config.template.tlp_level).toEqualTypeOf<"clear" | "green" | "amber" | "red">();
    expectTypeOf(config.connector.durationPeriodMs).toEqualTypeOf<number | undefined>();
  });

  it("reads config.yml, lets the environment win and treats an empty variable as the default", () => {
    const dir = tmp();
    writeFileSync(
      join(dir, "config.yml"),
      [
        "opencti:",
        "  url: 'http://yaml:8080'",
        "connector:",
        "  name: From YAML",
        "  scope: [indicator, ' malware ', '']",
        "  log_level: INFO",
        "  queue_threshold: 250",
        "  duration_period: P1D",
        "template:",
        "  page_size: 50",
        "  tags: 'a, b,,c '",
        "  verbose: yes",
        "  api_key: 12345678",
      ].join("\n"),
    );
    const config = loadConnectorConfig(definition, {
      env: { ...env({ OPENCTI_URL: "https://env:8443", CONNECTOR_NAME: "" }), TEMPLATE_API_KEY: undefined },
      cwd: dir,
    });
    expect(config.opencti.url).toBe("https://env:8443");
    expect(config.connector.name).toBe("Template");
    expect(config.connector.scope).toEqual(["indicator", "malware"]);
    expect(config.connector.logLevel).toBe("info");
    expect(config.connector.queueThreshold).toBe(250);
    expect(config.connector.durationPeriodMs).toBe(86_400_000);
    expect(config.template).toMatchObject({ page_size: 50, tags: ["a", "b", "c"], verbose: true, api_key: "12345678" });
  });

  it.each([
    ["true", true],
    ["YES", true],
    ["1", true],
    ["On", true],
    ["False", false],
    ["no", false],
    ["0", false],
    ["off", false],
  ])("reads the boolean %j as %s", (text, value) => {
    const config = loadConnectorConfig(definition, { env: env({ CONNECTOR_EXPOSE_METRICS: text }), ...noYaml });
    expect(config.connector.exposeMetrics).toBe(value);
  });

  it("reports every bad or missing variable in one ConfigError", () => {
    const dir = tmp();
    const error = configError(() =>
      loadConnectorConfig(definition, {
        env: {
          CONNECTOR_ID: "5ed680de_75e2",
          CONNECTOR_DURATION_PERIOD: "1 hour",
          CONNECTOR_LOG_LEVEL: "verbose",
          CONNECTOR_AUTO: "maybe",
          TEMPLATE_PAGE_SIZE: "ten",
          TEMPLATE_API_KEY: "short",
        },
        cwd: dir,
        configPath: "missing.yml",
      }),
    );
    expect(error.message).toBe(
      [
        "Invalid connector configuration (9 problems):",
        `  - YAML file: expected a readable YAML configuration file (ENOENT), got ${JSON.stringify(join(dir, "missing.yml"))}`,
        "  - OPENCTI_URL / YAML opencti.url: expected a value, not set",
        "  - OPENCTI_TOKEN / YAML opencti.token: expected a value, not set",
        '  - CONNECTOR_ID / YAML connector.id: expected a UUID such as 5ed680de-75e2-4aa0-bec0-4e8e5a0d1695, without "_" (the platform splits work ids on "_"), got "5ed680de_75e2"',
        '  - CONNECTOR_AUTO / YAML connector.auto: expected a boolean (true/false, yes/no, 1/0, on/off), got "maybe"',
        '  - CONNECTOR_LOG_LEVEL / YAML connector.log_level: expected one of "debug", "info", "warn", "warning", "error", got "verbose"',
        '  - CONNECTOR_DURATION_PERIOD / YAML connector.duration_period: expected an ISO-8601 duration such as PT1H, P1D or P30D, got "1 hour"',
        '  - TEMPLATE_PAGE_SIZE / YAML template.page_size: expected an integer, got "ten"',
        "  - TEMPLATE_API_KEY / YAML template.api_key: expected a string (Too small: expected string to have >=8 characters), got [REDACTED]",
      ].join("\n"),
    );
    expect(error.issues.map((i) => i.env)).toEqual([
      undefined,
      "OPENCTI_URL",
      "OPENCTI_TOKEN",
      "CONNECTOR_ID",
      "CONNECTOR_AUTO",
      "CONNECTOR_LOG_LEVEL",
      "CONNECTOR_DURATION_PERIOD",
      "TEMPLATE_PAGE_SIZE",
      "TEMPLATE_API_KEY",
    ]);
    expect(error.message).not.toContain("short");
  });

  it("rejects a non-UUID id, the ChangeMe token (masked), a bad URL and invalid YAML", () => {
    const dir = tmp();
    writeFileSync(join(dir, "config.yml"), "connector: [unclosed");
    const error = configError(() =>
      loadConnectorConfig(definition, {
        env: env({ CONNECTOR_ID: "not-a-uuid", OPENCTI_TOKEN: "ChangeMe", OPENCTI_URL: "ftp://host" }),
        cwd: dir,
      }),
    );
    expect(error.issues).toEqual([
      expect.objectContaining({ env: undefined, expected: expect.stringMatching(/^valid YAML \(/), source: "file" }),
      expect.objectContaining({ env: "OPENCTI_URL", given: '"ftp://host"', source: "env" }),
      expect.objectContaining({
        env: "OPENCTI_TOKEN",
        expected: "the API token of an OpenCTI user, not the ChangeMe placeholder",
        given: "[REDACTED]",
      }),
      expect.objectContaining({ env: "CONNECTOR_ID", given: '"not-a-uuid"' }),
    ]);
  });

  it("rejects a CONNECTOR_TYPE other than the connector's and a YAML section that is not a mapping", () => {
    const dir = tmp();
    writeFileSync(join(dir, "config.yml"), "template: just text\n");
    const error = configError(() =>
      loadConnectorConfig(definition, { env: env({ CONNECTOR_TYPE: "stream" }), cwd: dir }),
    );
    expect(error.issues.map((i) => [i.env, i.yamlPath, i.expected])).toEqual([
      [undefined, "template", 'section "template" to be a mapping of settings'],
      ["CONNECTOR_TYPE", "connector.type", '"EXTERNAL_IMPORT" (fixed by the connector\'s code)'],
    ]);
  });

  it("requires a directory path when sending to a directory", () => {
    const error = configError(() =>
      loadConnectorConfig(definition, { env: env({ CONNECTOR_SEND_TO_DIRECTORY: "true" }), ...noYaml }),
    );
    expect(error.issues.map((i) => i.env)).toEqual(["CONNECTOR_SEND_TO_DIRECTORY_PATH"]);
  });

  it("reads TLS and broker settings: CA path, PEM text or file, custom headers", () => {
    const dir = tmp();
    writeFileSync(join(dir, "ca.pem"), "-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----\n");
    const resolved = resolveConnectorConfig(definition, {
      env: env({
        OPENCTI_URL: "https://opencti.example.com",
        OPENCTI_SSL_VERIFY: "ca.pem",
        OPENCTI_CUSTOM_HEADERS: "X-Tenant: acme ; broken;: nameless; X-Trace:a:b",
        MQ_HOST: "localhost",
        MQ_PORT: "5671",
        MQ_USE_SSL: "true",
        MQ_PASS: "mq-password",
        MQ_USE_SSL_CA: join(dir, "ca.pem"),
        MQ_USE_SSL_CERT: "-----BEGIN CERTIFICATE-----\ninline",
        MQ_USE_SSL_REJECT_UNAUTHORIZED: "true",
      }),
      cwd: dir,
    });
    expect(resolved.config.opencti).toMatchObject({
      sslVerify: true,
      sslCaPath: join(dir, "ca.pem"),
      customHeaders: { "X-Tenant": "acme", "X-Trace": "a:b" },
    });
    expect(resolved.config.mq).toEqual({
      host: "localhost",
      port: 5671,
      useSsl: true,
      pass: "mq-password",
      sslCa: "-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----\n",
      sslCert: "-----BEGIN CERTIFICATE-----\ninline",
      sslRejectUnauthorized: true,
    });
    expect(resolved.diagnostics).toEqual([
      {
        level: "warn",
        message: "OPENCTI_CUSTOM_HEADERS has malformed pairs (expected name:value), ignored",
        attributes: { pairs: [2, 3] },
      },
    ]);
    expect(resolved.secrets).toEqual([TOKEN, "mq-password", "s3cr3t-key"]);
  });

  it("warns when https or the broker's TLS is not verified, and reads an unreadable CA path as an error", () => {
    const resolved = resolveConnectorConfig(definition, {
      env: env({ OPENCTI_URL: "https://opencti.example.com", MQ_USE_SSL: "yes" }),
      ...noYaml,
    });
    expect(resolved.diagnostics.map((d) => d.message)).toEqual([
      "The OpenCTI TLS certificate is not verified: set OPENCTI_SSL_VERIFY=true or to a CA bundle path",
      "The RabbitMQ TLS certificate is not verified: set MQ_USE_SSL_REJECT_UNAUTHORIZED=true",
    ]);
    const error = configError(() =>
      loadConnectorConfig(definition, { env: env({ OPENCTI_SSL_VERIFY: "/nonexistent/ca.pem" }), ...noYaml }),
    );
    expect(error.issues.map((i) => [i.env, i.expected])).toEqual([
      ["OPENCTI_SSL_VERIFY", "a boolean or the path of a readable CA bundle (PEM)"],
    ]);
  });

  it("uses the deprecated QUEUE_PROTOCOL with an error diagnostic, unless CONNECTOR_QUEUE_PROTOCOL is set", () => {
    const alias = resolveConnectorConfig(definition, { env: env({ QUEUE_PROTOCOL: "API" }), ...noYaml });
    expect(alias.config.connector.queueProtocol).toBe("api");
    expect(alias.diagnostics).toEqual([
      {
        level: "error",
        message: "QUEUE_PROTOCOL is deprecated: use CONNECTOR_QUEUE_PROTOCOL",
        attributes: { variable: "QUEUE_PROTOCOL" },
      },
    ]);
    const both = resolveConnectorConfig(definition, {
      env: env({ QUEUE_PROTOCOL: "api", CONNECTOR_QUEUE_PROTOCOL: "amqp" }),
      ...noYaml,
    });
    expect(both.config.connector.queueProtocol).toBe("amqp");
    expect(both.diagnostics).toHaveLength(1);
  });

  it("rejects S3 output and service-account creation, and warns about variables nobody reads", () => {
    const error = configError(() =>
      loadConnectorConfig(definition, {
        env: env({
          CONNECTOR_SEND_TO_S3: "true",
          CONNECTOR_AUTO_CREATE_SERVICE_ACCOUNT: "false",
          S3_BUCKET: "b",
        }),
        ...noYaml,
      }),
    );
    expect(error.issues.map((i) => i.env)).toEqual(["CONNECTOR_SEND_TO_S3", "S3_BUCKET"]);
    const resolved = resolveConnectorConfig(definition, {
      env: env({ CONNECTOR_CONFIDENCE_LEVEL: "80", TEMPLATE_INTERVAL: "3600", CONNECTOR_UPDATE_EXISTING_DATA: "true" }),
      ...noYaml,
    });
    expect(resolved.diagnostics.map((d) => [d.level, d.attributes.variable])).toEqual([
      ["warn", "CONNECTOR_CONFIDENCE_LEVEL"],
      ["warn", "CONNECTOR_UPDATE_EXISTING_DATA"],
      ["warn", "TEMPLATE_INTERVAL"],
    ]);
  });

  it.each(["0", "PT0S", "P0D", "00:00:00"])("reads the zero period %j as run-and-terminate", (period) => {
    const config = loadConnectorConfig(definition, { env: env({ CONNECTOR_DURATION_PERIOD: period }), ...noYaml });
    expect(config.connector).toMatchObject({ durationPeriodMs: 0, runAndTerminate: true });
  });

  it("reads a YAML period of 0 as run-and-terminate", () => {
    const dir = tmp();
    writeFileSync(join(dir, "config.yml"), "connector:\n  duration_period: 0\n");
    const config = loadConnectorConfig(definition, { env: env(), cwd: dir });
    expect(config.connector).toMatchObject({ durationPeriodMs: 0, runAndTerminate: true });
  });
});

describe("defineConnectorConfig", () => {
  it("rejects a reserved or malformed namespace, non snake_case keys and unsupported field types", () => {
    const connector = { type: "EXTERNAL_IMPORT" as const };
    expect(() => defineConnectorConfig({ namespace: "connector", schema: z.object({}), connector })).toThrow(TypeError);
    expect(() => defineConnectorConfig({ namespace: "my_source", schema: z.object({}), connector })).toThrow(/no "_"/);
    expect(() =>
      defineConnectorConfig({ namespace: "src", schema: z.object({ apiKey: z.string() }), connector }),
    ).toThrow('Config key "src.apiKey" must be snake_case');
    expect(() =>
      defineConnectorConfig({ namespace: "src", schema: z.object({ nested: z.object({ a: z.string() }) }), connector }),
    ).toThrow('Config field "SRC_NESTED" has an unsupported type');
    expect(() =>
      defineConnectorConfig({
        namespace: "src",
        schema: z.object({}),
        connector: { ...connector, durationPeriod: "1h" },
      }),
    ).toThrow(RangeError);
  });
});
