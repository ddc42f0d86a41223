import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineConnectorConfig } from "../config/define-connector-config.js";
import { loadConnectorConfig } from "../config/load-connector-config.js";
import { formatFatalError } from "./format-fatal-error.js";
import { buildRegistrationInput } from "./registration-input.js";

const ID = "5ed680de-75e2-4aa0-bec0-4e8e5a0d1695";
const base = { OPENCTI_URL: "http://opencti:8080", OPENCTI_TOKEN: "tok-123456", CONNECTOR_ID: ID };
const load = (type: "EXTERNAL_IMPORT" | "INTERNAL_ENRICHMENT", env: Record<string, string> = {}) =>
  loadConnectorConfig(
    defineConnectorConfig({
      namespace: "src",
      schema: z.object({}),
      connector: { type, name: "Source", scope: ["ipv4-addr"] },
    }),
    { env: { ...base, ...env }, cwd: "/nonexistent" },
  );

describe("buildRegistrationInput", () => {
  it("builds the input of spec §4.2 from the configuration", () => {
    expect(buildRegistrationInput(load("EXTERNAL_IMPORT", { CONNECTOR_AUTO: "true" }))).toEqual({
      id: ID,
      name: "Source",
      type: "EXTERNAL_IMPORT",
      scope: ["ipv4-addr"],
      auto: true,
      auto_update: false,
      enrichment_resolution: "none",
      only_contextual: false,
      playbook_compatible: false,
      listen_callback_uri: null,
    });
  });

  it("sends the callback URI of internal connectors listening over API", () => {
    const config = load("INTERNAL_ENRICHMENT", {
      CONNECTOR_LISTEN_PROTOCOL: "api",
      CONNECTOR_LISTEN_PROTOCOL_API_URI: "http://connector:7070/",
    });
    expect(buildRegistrationInput(config, { playbookCompatible: true })).toMatchObject({
      type: "INTERNAL_ENRICHMENT",
      playbook_compatible: true,
      listen_callback_uri: "http://connector:7070/api/callback",
    });
    expect(buildRegistrationInput(load("INTERNAL_ENRICHMENT")).listen_callback_uri).toBeNull();
  });
});

describe("formatFatalError", () => {
  it("prints SDK errors' messages without stacks, other errors as Name: message, redacted", () => {
    const error = (() => {
      try {
        load("EXTERNAL_IMPORT", { CONNECTOR_ID: "bad" });
      } catch (e) {
        return e;
      }
    })();
    expect(formatFatalError(error)).toBe(
      'Invalid connector configuration (1 problem):\n  - CONNECTOR_ID / YAML connector.id: expected a UUID such as 5ed680de-75e2-4aa0-bec0-4e8e5a0d1695, got "bad"',
    );
    expect(formatFatalError(new TypeError("secret-1 leaked"), (t) => t.replace("secret-1", "[REDACTED]"))).toBe(
      "TypeError: [REDACTED] leaked",
    );
    expect(formatFatalError("plain")).toBe("plain");
  });
});
