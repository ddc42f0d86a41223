import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pipeline } from "node:stream/promises";
import { CliError } from "./cli-error.js";

/** A bundle to read: a file, or stdin. */
export interface BundleInput {
  /** How messages name it: the path as given, or `stdin`. */
  readonly label: string;
  /** A new stream over the input; a file or a spooled stdin can be opened again. */
  open(): AsyncIterable<Uint8Array | string>;
  /** Removes what was spooled; idempotent. */
  cleanup(): Promise<void>;
}

/** Reads files in 1 MiB chunks: fewer, larger writes into the scanner. */
const CHUNK_BYTES = 1024 * 1024;

/** Checks that `file` is a readable regular file; returns its absolute path. */
export async function checkFile(file: string, cwd: string): Promise<string> {
  const path = resolve(cwd, file);
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(code === "ENOENT" ? `cannot read ${file}: no such file` : `cannot read ${file}: ${code}`);
  }
  if (!info.isFile()) throw new CliError(`cannot read ${file}: not a file`);
  return path;
}

/**
 * Opens `file` (`-` for stdin). With `replayable`, stdin is first copied into a temporary file so the input can
 * be read twice (validated, then sent) without holding it in memory.
 */
export async function openBundleInput(
  file: string,
  io: { stdin: AsyncIterable<Uint8Array | string>; cwd: string },
  options: { replayable?: boolean } = {},
): Promise<BundleInput> {
  if (file !== "-") {
    const path = await checkFile(file, io.cwd);
    return { label: file, open: () => createReadStream(path, { highWaterMark: CHUNK_BYTES }), cleanup: async () => {} };
  }
  if (!options.replayable) {
    let opened = false;
    return {
      label: "stdin",
      open: () => {
        if (opened) throw new Error("stdin can only be read once");
        opened = true;
        return io.stdin;
      },
      cleanup: async () => {},
    };
  }
  const directory = await mkdtemp(join(tmpdir(), "opencti-connector-"));
  const path = join(directory, "stdin.json");
  const cleanup = () => rm(directory, { recursive: true, force: true });
  try {
    await pipeline(io.stdin, createWriteStream(path));
  } catch (error) {
    await cleanup();
    throw new CliError(`cannot read stdin: ${(error as Error).message}`, { cause: error });
  }
  return { label: "stdin", open: () => createReadStream(path, { highWaterMark: CHUNK_BYTES }), cleanup };
}
