import { describe, expect, it } from "vitest";
import { parseCliArgs } from "./cli-args.js";

describe("parseCliArgs", () => {
  it("reads serve with its defaults", () => {
    expect(parseCliArgs(["serve"])).toEqual({
      command: "serve",
      port: 4000,
      host: "127.0.0.1",
      token: undefined,
      amqp: undefined,
      queuePrefix: undefined,
      version: undefined,
      schemaPath: undefined,
    });
  });

  it("reads serve options", () => {
    expect(
      parseCliArgs([
        "serve",
        "--port",
        "0",
        "--amqp",
        "amqp://guest:guest@127.0.0.1:5672",
        "--token",
        "T",
        "--queue-prefix",
        "p",
      ]),
    ).toMatchObject({
      command: "serve",
      port: 0,
      amqp: "amqp://guest:guest@127.0.0.1:5672",
      token: "T",
      queuePrefix: "p",
    });
  });

  it("reads demo options", () => {
    expect(parseCliArgs(["demo", "--amqp", "amqp://h", "--connector", "./c.js"])).toEqual({
      command: "demo",
      amqp: "amqp://h",
      connector: "./c.js",
    });
  });

  it("answers help without a command", () => {
    expect(parseCliArgs([])).toEqual({ command: "help" });
    expect(parseCliArgs(["--help"])).toEqual({ command: "help" });
  });

  it("names what is wrong", () => {
    expect(parseCliArgs(["serve", "--port", "99999"])).toBe("--port must be 0-65535, got 99999");
    expect(parseCliArgs(["serve", "--bogus"])).toMatch(/Unknown option '--bogus'/);
    expect(parseCliArgs(["launch"])).toBe('unknown command "launch"');
  });
});
