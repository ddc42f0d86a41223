import { describe, expect, it } from "vitest";
import { parseCliArgs } from "./cli-args.js";

describe("parseCliArgs", () => {
  it("reads the folder and every option", () => {
    expect(
      parseCliArgs([
        "acme",
        "--name",
        "Acme Feed",
        "--namespace",
        "acme",
        "--scope",
        "indicator",
        "-y",
        "--packages-from",
        "p",
      ]),
    ).toEqual({
      command: "create",
      directory: "acme",
      name: "Acme Feed",
      namespace: "acme",
      scope: "indicator",
      yes: true,
      packagesFrom: "p",
    });
  });

  it("leaves what is not given undefined (to ask, or default)", () => {
    expect(parseCliArgs([])).toEqual({
      command: "create",
      directory: undefined,
      name: undefined,
      namespace: undefined,
      scope: undefined,
      yes: false,
      packagesFrom: undefined,
    });
  });

  it("answers help, and names a bad command line", () => {
    expect(parseCliArgs(["--help"])).toEqual({ command: "help" });
    expect(parseCliArgs(["a", "b"])).toBe("expected one folder, got 2: a b");
    expect(parseCliArgs(["--nme", "x"])).toMatch(/Unknown option '--nme'/);
  });
});
