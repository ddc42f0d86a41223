/**
 * Runs the `opencti-connector` command line in tests: in-process through `runCli` (own streams, environment and
 * clock), or as the built executable `dist/cli.mjs` in a child process.
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { Readable, Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import { runCli } from "../../../src/cli/run-cli.js";
import type { Clock } from "../../../src/clock/clock.js";
import type { SignalSource } from "../../../src/helper/shutdown-signal.js";

/** The SDK package's folder. */
export const PACKAGE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
/** The copy of Filigran's geography bundle (see its README). */
export const GEOGRAPHY = join(PACKAGE_DIR, "test/fixtures/opencti-datasets/geography.json");

/** What a command printed and returned. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

class Collector extends Writable {
  text = "";
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: () => void): void {
    this.text += chunk.toString();
    callback();
  }
}

/** Runs `argv` with `runCli` in this process. */
export async function runInProcess(
  argv: string[],
  options: {
    env?: NodeJS.ProcessEnv;
    stdin?: string | Buffer;
    cwd?: string;
    clock?: Clock;
    signals?: SignalSource;
  } = {},
): Promise<CliRun> {
  const stdout = new Collector();
  const stderr = new Collector();
  const code = await runCli(argv, {
    stdout,
    stderr,
    env: options.env ?? {},
    stdin: Readable.from(options.stdin === undefined ? [] : [options.stdin]),
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    ...(options.signals === undefined ? {} : { signals: options.signals }),
  });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/**
 * The built executable. Builds the package once when `dist/cli.mjs` is missing (a clean clone runs the tests
 * before the build); an existing build is used as it is.
 */
export function builtCli(): string {
  const path = join(PACKAGE_DIR, "dist/cli.mjs");
  if (!existsSync(path)) execFileSync("pnpm", ["exec", "tsdown"], { cwd: PACKAGE_DIR, stdio: "ignore" });
  return path;
}

/**
 * Runs the built executable with only `env` (and `PATH`) in its environment, `input` on its stdin; `onSpawn`
 * receives the child's pid (the benchmark samples its memory).
 */
export function spawnCli(
  argv: string[],
  options: { env?: NodeJS.ProcessEnv; input?: string | Buffer; cwd?: string; onSpawn?: (pid: number) => void } = {},
): Promise<CliRun> {
  const child = spawn(process.execPath, [builtCli(), ...argv], {
    env: { PATH: process.env.PATH, ...options.env },
    cwd: options.cwd ?? PACKAGE_DIR,
    stdio: ["pipe", "pipe", "pipe"],
  });
  if (child.pid !== undefined) options.onSpawn?.(child.pid);
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  child.stdin.end(options.input ?? "");
  return new Promise((resolvePromise, reject) => {
    child.once("error", reject);
    child.once("close", (code) => resolvePromise({ code: code ?? -1, stdout, stderr }));
  });
}
