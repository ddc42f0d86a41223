import { join } from "node:path";
import { brokerAvailable, LOCAL_AMQP_URL } from "@org/opencti-connector-testkit/vitest";
import { describe, expect, it } from "vitest";
import { runTemplateDemo } from "../dev/demo.js";

const withBroker = await brokerAvailable();

async function demo(options: Parameters<typeof runTemplateDemo>[0] = {}) {
  const lines: string[] = [];
  const result = await runTemplateDemo({ ...options, out: (line) => lines.push(line) });
  return { result, lines };
}

describe("pnpm demo (runTemplateDemo)", () => {
  it("runs the connector once on the sample feed through API push and prints a successful summary", async () => {
    const { result, lines } = await demo();
    expect(result.success).toBe(true);
    expect(result.works).toHaveLength(1);
    expect(result.works[0]).toMatchObject({ status: "complete", expected: 50, completedNumber: 50, errors: [] });
    expect(result.countsByType).toMatchObject({ indicator: 12, malware: 3, relationship: 21, identity: 1 });
    expect(result.state).toEqual({ since: expect.any(String), last_run: expect.any(String) });
    expect(lines[0]).toBe("OpenCTI testkit demo: Template Feed, run once against the embedded platform emulator");
    expect(lines).toContain(
      "  objects    50 ingested: domain-name 3, file 2, identity 1, indicator 12, ipv4-addr 4, ipv6-addr 1, malware 3, marking-definition 1, relationship 21, url 2",
    );
    expect(lines.some((line) => line.includes("delivery: API push (stixBundlePush)"))).toBe(true);
    expect(lines).toContain("Result: success");
    // The testkit is a dev dependency here (in the monorepo and in a scaffolded connector): npx finds its bin.
    expect(lines.at(-2)).toBe(
      `More: \`npx opencti-testkit serve\` in ${join(import.meta.dirname, "..")} keeps an emulator running;`,
    );
  });

  it.runIf(withBroker)("goes through RabbitMQ with --amqp", async () => {
    const { result, lines } = await demo({ amqp: { url: LOCAL_AMQP_URL } });
    expect(result.success).toBe(true);
    expect(lines.some((line) => line.includes("delivery: RabbitMQ"))).toBe(true);
  });
});
