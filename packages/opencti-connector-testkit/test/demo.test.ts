import { describe, expect, it } from "vitest";
import { sampleConnector } from "../src/demo/sample-connector.js";
import { runDemo } from "../src/index.js";
import { describeWithBroker, LOCAL_AMQP_URL } from "../src/vitest/index.js";

const describeBroker = await describeWithBroker();

/** What the sample sends: 7 identities (Filigran, Energy and 5 sub-sectors) and 5 part-of relationships. */
const SAMPLE_COUNTS = { identity: 7, relationship: 5 };

async function demo(options: { amqp?: { url: string } } = {}) {
  const lines: string[] = [];
  const result = await runDemo({ connector: sampleConnector, out: (line) => lines.push(line), ...options });
  return { result, lines };
}

describe("runDemo with the sample connector", () => {
  it("runs it once through API push and prints the work, the objects, the state and where to look next", async () => {
    const { result, lines } = await demo();
    expect(result).toMatchObject({ success: true, countsByType: SAMPLE_COUNTS });
    expect(result.works).toHaveLength(1);
    expect(result.works[0]).toMatchObject({ status: "complete", expected: 12, completedNumber: 12, errors: [] });
    expect(result.state).toEqual({ last_run: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/), objects_sent: 12 });
    expect(lines[0]).toBe(
      "OpenCTI testkit demo: OpenCTI sectors sample, run once against the embedded platform emulator",
    );
    expect(lines).toContain(`  work       ${result.works[0]?.id}`);
    expect(lines).toContain(
      '             "OpenCTI sectors sample run @ ' +
        result.works[0]?.name?.split(" @ ")[1] +
        '": complete, 12 processed of 12 expected, 0 error(s)',
    );
    expect(lines).toContain("  objects    12 ingested: identity 7, relationship 5");
    expect(lines).toContain("  dangling   0 reference(s) to objects sent by nobody");
    expect(lines).toContain("Result: success");
    // Run from the testkit's own folder, where its bin is not installed: the bin's name.
    expect(lines.at(-2)).toBe(
      "More: `opencti-testkit serve` (the bin of @org/opencti-connector-testkit, e.g. `npx opencti-testkit serve` where it is installed) keeps an emulator running;",
    );
  });

  it("reports a failing connector run as a failure", async () => {
    const lines: string[] = [];
    const result = await runDemo({
      connector: { name: "Broken", run: async () => Promise.reject(new Error("source unreachable")) },
      out: (line) => lines.push(line),
    });
    expect(result.success).toBe(false);
    expect(lines).toContain("  run        FAILED: source unreachable");
    expect(lines).toContain("  work       none: the connector sent nothing");
    expect(lines).toContain("Result: FAILED");
  });
});

describeBroker("runDemo with RabbitMQ", () => {
  it("routes the run through the local broker", async () => {
    const { result } = await demo({ amqp: { url: LOCAL_AMQP_URL } });
    expect(result).toMatchObject({ success: true, countsByType: SAMPLE_COUNTS });
  });
});
