import { describe, expect, it } from "vitest";
import { PlatformOptionsError, startPlatform } from "../src/index.js";

async function refusal(options: Parameters<typeof startPlatform>[0]) {
  const error = await startPlatform(options).then(
    async (platform) => {
      await platform.stop();
      return undefined;
    },
    (e: unknown) => e,
  );
  expect(PlatformOptionsError.isInstance(error)).toBe(true);
  return error as PlatformOptionsError;
}

describe("startPlatform options", () => {
  it("lists every invalid option at once", async () => {
    const error = await refusal({ port: 70_000, version: "six", token: "", queueType: "lazy" as never });
    expect(error.issues.map((i) => i.option)).toEqual(["token", "port", "version", "queueType"]);
    expect(error.message).toContain("version: must be three integers like 6.9.17 or 7.260817.0");
  });

  it("names a bad broker option without echoing its password", async () => {
    const error = await refusal({ amqp: { url: "http://guest:topsecret@127.0.0.1" } });
    expect(error.issues).toEqual([{ option: "amqp", message: "has protocol http:; expected amqp: or amqps:" }]);
    expect(error.message).not.toContain("topsecret");
  });

  it("says when the broker does not answer, without the password", async () => {
    const error = await refusal({ amqp: { url: "amqp://guest:topsecret@127.0.0.1:1" } });
    expect(error.issues[0]?.message).toMatch(
      /^the broker at amqp:\/\/guest:\*\*\*@127\.0\.0\.1:1\/%2F did not answer \(/,
    );
    expect(error.message).not.toContain("topsecret");
  });

  it("says when the schema file cannot be read", async () => {
    const error = await refusal({ schemaPath: "/nonexistent/schema.graphql" });
    expect(error.issues[0]).toMatchObject({ option: "schemaPath" });
    expect(error.issues[0]?.message).toMatch(/^cannot read \/nonexistent\/schema\.graphql \(ENOENT/);
  });

  it("says when the port is taken", async () => {
    const first = await startPlatform();
    try {
      const port = Number(new URL(first.url).port);
      const error = await refusal({ port });
      expect(error.issues[0]?.message).toMatch(/^cannot listen \(listen EADDRINUSE/);
    } finally {
      await first.stop();
    }
  });
});
