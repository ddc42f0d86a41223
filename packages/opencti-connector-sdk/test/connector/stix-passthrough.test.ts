import { defaultBuilders, type StixObject } from "@org/stix2-types";
import { afterEach, describe, expect, it } from "vitest";
import type { ExternalImportConnectorOptions } from "../../src/connector/connector-options.js";
import { ExternalImportConnector } from "../../src/connector/external-import-connector.js";
import type { GraphQLServer } from "../support/graphql-server.js";
import { harness, NEVER_MS, WORK_ID } from "./connector-harness.js";
import { toProcessedCall, workCalls } from "./support/fake-platform.js";
import { FEED_AUTHOR, testFeedConfig, testFeedState } from "./support/test-feed-connector.js";

let server: GraphQLServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A feed that already speaks STIX: no `toStix()`, the default validates each object. */
class StixFeedConnector extends ExternalImportConnector<typeof testFeedConfig, typeof testFeedState> {
  constructor(
    readonly batches: readonly unknown[][],
    options: ExternalImportConnectorOptions,
  ) {
    super({ config: testFeedConfig, state: testFeedState, author: FEED_AUTHOR }, options);
  }

  async *collect() {
    for (const batch of this.batches) yield batch as StixObject[];
  }
}

describe("ExternalImportConnector with STIX records", () => {
  it("passes valid STIX objects through and skips invalid ones as mapping errors", async () => {
    const h = await harness();
    server = h.server;
    const domain = defaultBuilders.domainName({ value: "example.com" });
    const connector = new StixFeedConnector([[domain, { type: "domain-name", value: 42 }]], {
      env: h.env,
      cwd: "/nonexistent",
      clock: h.clock,
      logger: h.logger,
      createSender: h.sender.factory,
      pingIntervalMs: NEVER_MS,
    });
    expect((await h.drive(connector.run())).exitCode).toBe(0);
    expect(h.sender.published.map((b) => b.objects)).toEqual([[FEED_AUTHOR, domain]]);
    const skipped = h.logger.entries.find((e) => e.message === "Record skipped: it cannot be mapped to STIX");
    expect(skipped?.attributes).toMatchObject({ record_id: "batch 1 record 2", batch: 1 });
    expect(workCalls(h.server).at(-1)).toEqual(
      toProcessedCall(WORK_ID, "Imported 2 records as 2 STIX objects in 1 batch (2 messages), 1 record skipped", false),
    );
  });

  it("refuses a configuration that is not an external import, and a state schema a first run cannot satisfy", async () => {
    const { defineConnectorConfig } = await import("../../src/config/define-connector-config.js");
    const { z } = await import("zod");
    const enrichment = defineConnectorConfig({
      namespace: "enrich",
      schema: z.object({}),
      connector: { type: "INTERNAL_ENRICHMENT", name: "Enricher" },
    });
    class Wrong extends ExternalImportConnector<typeof enrichment, typeof testFeedState> {
      async *collect() {}
    }
    expect(() => new Wrong({ config: enrichment, state: testFeedState, author: FEED_AUTHOR })).toThrow(
      "ExternalImportConnector needs a configuration of type EXTERNAL_IMPORT, got INTERNAL_ENRICHMENT",
    );
    const strict = z.object({ cursor: z.string() });
    class Strict extends ExternalImportConnector<typeof testFeedConfig, typeof strict> {
      async *collect() {}
    }
    expect(() => new Strict({ config: testFeedConfig, state: strict, author: FEED_AUTHOR })).toThrow(
      "The state schema must accept the empty state of a first run: make cursor optional or give a default",
    );
  });
});
