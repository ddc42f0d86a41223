import { StixValidationError } from "@org/stix2-types";
import { describe, expect, it } from "vitest";
import { ConfigError } from "../errors/config-error.js";
import { RetryExhaustedError } from "../errors/retry-exhausted-error.js";
import { environmentSecrets, formatCliError } from "./format-cli-error.js";

const keep = (text: string) => text;

describe("formatCliError", () => {
  it("puts every configuration problem on one line", () => {
    const error = new ConfigError([
      { env: "OPENCTI_URL", yamlPath: "opencti.url", expected: "a value", given: undefined, source: "missing" },
      { env: "CONNECTOR_ID", yamlPath: "connector.id", expected: "a UUID", given: '"x"', source: "env" },
    ]);
    expect(formatCliError(error, keep)).toBe(
      'invalid configuration (2 problems): OPENCTI_URL / YAML opencti.url: expected a value, not set; CONNECTOR_ID / YAML connector.id: expected a UUID, got "x"',
    );
  });

  it("joins multi-line messages and names foreign errors, without stack", () => {
    const stix = new StixValidationError([
      { path: "a", message: "bad" },
      { path: "b", message: "worse" },
    ]);
    expect(formatCliError(stix, keep)).toBe("Invalid STIX (2 problems): a: bad; b: worse");
    expect(formatCliError(new TypeError("boom"), keep)).toBe("TypeError: boom");
    const exhausted = new RetryExhaustedError({
      operation: "healthCheck",
      reason: "deadline",
      attempts: [{ attempt: 1, message: "unreachable", delayMs: 0 }],
      cause: new Error("unreachable"),
    });
    expect(formatCliError(exhausted, keep)).toBe(
      "healthCheck failed after 1 attempt(s) (deadline reached): unreachable",
    );
  });

  it("removes the environment's secrets", () => {
    const redactor = environmentSecrets({ OPENCTI_TOKEN: "s3cr3t-token", MQ_PASS: "broker-pass" });
    const line = formatCliError(new Error("token s3cr3t-token and broker-pass leaked"), (t) => redactor.redact(t));
    expect(line).toBe("Error: token [REDACTED] and [REDACTED] leaked");
  });
});
