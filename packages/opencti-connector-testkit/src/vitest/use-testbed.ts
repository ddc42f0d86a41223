import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { type FileServer, startFileServer } from "../fixtures/file-server.js";
import type { Platform } from "../platform/platform.js";
import type { StartPlatformOptions } from "../platform/platform-options.js";
import { startPlatform } from "../platform/start-platform.js";

/** Options of {@link useTestbed}; every one is optional. */
export interface TestbedOptions {
  /** Options of the platform emulator (see `startPlatform`), e.g. `{ amqp: { url: LOCAL_AMQP_URL } }`. */
  platform?: StartPlatformOptions;
  /** A folder to serve with `startFileServer`: the connector's sample source. */
  files?: string;
}

/** What {@link useTestbed} starts; read it in hooks and tests (it starts in `beforeAll`). */
export interface Testbed {
  /** The platform emulator: its `env()` goes to the connector. */
  readonly platform: Platform;
  /** The file server of `options.files`. */
  readonly files: FileServer;
  /** A new empty folder to run the connector in: no `config.yml` unless a test writes one. */
  readonly cwd: string;
}

/**
 * What a connector's integration tests run against, started before the tests of the calling file or `describe`
 * and stopped after them: a platform emulator, optionally a file server for the sample source, and an empty
 * working directory (removed after).
 *
 * @example
 * ```ts
 * const bed = useTestbed({ platform: { amqp: { url: LOCAL_AMQP_URL } }, files: fileURLToPath(new URL("../fixtures", import.meta.url)) });
 * it("imports the feed", async () => {
 *   const env = { ...bed.platform.env(), CONNECTOR_ID: randomUUID(), MY_FEED_URL: bed.files.fileUrl("feed.json") };
 *   expect((await new MyConnector({ env, cwd: bed.cwd }).run()).exitCode).toBe(0);
 * });
 * ```
 */
export function useTestbed(options: TestbedOptions = {}): Testbed {
  let platform: Platform | undefined;
  let files: FileServer | undefined;
  let cwd: string | undefined;
  beforeAll(async () => {
    platform = await startPlatform(options.platform);
    if (options.files !== undefined) files = await startFileServer({ dir: options.files });
    cwd = await mkdtemp(join(tmpdir(), "opencti-testbed-"));
  });
  afterAll(async () => {
    await platform?.stop();
    await files?.close();
    if (cwd !== undefined) await rm(cwd, { recursive: true, force: true });
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`useTestbed: ${what}`);
    return value;
  };
  return {
    get platform() {
      return started(platform, "the platform starts in beforeAll: read it in a hook or a test");
    },
    get files() {
      if (options.files === undefined) throw new Error("useTestbed: no file server without the `files` option");
      return started(files, "the file server starts in beforeAll: read it in a hook or a test");
    },
    get cwd() {
      return started(cwd, "the working directory is made in beforeAll: read it in a hook or a test");
    },
  };
}
