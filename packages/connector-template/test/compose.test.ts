import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

describe("docker-compose.yml", () => {
  it("gives the connector longer to stop than the SDK's 30 s shutdown grace (Docker's default is 10 s)", async () => {
    const compose = await readFile(join(import.meta.dirname, "..", "docker-compose.yml"), "utf8");
    expect(compose).toMatch(/^ {4}stop_grace_period: 45s$/m);
  });
});
