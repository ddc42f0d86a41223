import { Readable, Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { SDK_VERSION } from "../api/sdk-version.js";
import { runCli } from "./run-cli.js";
import { COMMAND_USAGE, MAIN_USAGE } from "./usage.js";

async function run(argv: string[]) {
  let stdout = "";
  let stderr = "";
  const sink = (append: (text: string) => void) =>
    new Writable({
      write(chunk, _encoding, callback) {
        append(chunk.toString());
        callback();
      },
    });
  const code = await runCli(argv, {
    stdout: sink((t) => (stdout += t)),
    stderr: sink((t) => (stderr += t)),
    stdin: Readable.from([]),
    env: {},
  });
  return { code, stdout, stderr };
}

describe("runCli", () => {
  it("prints the usage, a command's help and the version", async () => {
    expect(await run(["--help"])).toEqual({ code: 0, stdout: `${MAIN_USAGE}\n`, stderr: "" });
    expect(await run([])).toEqual({ code: 2, stdout: "", stderr: `${MAIN_USAGE}\n` });
    expect(await run(["help", "lint"])).toEqual({ code: 0, stdout: `${COMMAND_USAGE.lint}\n`, stderr: "" });
    for (const command of Object.keys(COMMAND_USAGE) as (keyof typeof COMMAND_USAGE)[]) {
      expect(await run([command, "-h"])).toEqual({ code: 0, stdout: `${COMMAND_USAGE[command]}\n`, stderr: "" });
    }
    expect(await run(["--version"])).toEqual({ code: 0, stdout: `${SDK_VERSION}\n`, stderr: "" });
  });

  it("refuses an unknown command with exit code 2", async () => {
    expect(await run(["push", "x.json"])).toEqual({
      code: 2,
      stdout: "",
      stderr: 'error: unknown command "push" (see "opencti-connector --help")\n',
    });
  });
});
