import { spawn } from "node:child_process";

/** Options of {@link runConnectorProgram}. */
export interface ConnectorProgramOptions {
  /** The connector's entry module: `dist/index.js`, or `src/index.ts` with a TypeScript loader in `execArgv`. */
  entry: string;
  /** The working directory, where the connector reads its optional `config.yml`. */
  cwd: string;
  /** The whole environment besides `PATH`: nothing else is inherited, so the test decides every setting. */
  env?: Readonly<Record<string, string>>;
  /** Node options before the entry, e.g. `["--import", import.meta.resolve("tsx")]` to run TypeScript. */
  execArgv?: readonly string[];
}

/** How a {@link runConnectorProgram} process ended. */
export interface ConnectorProgramResult {
  /** The exit code (`null` when a signal ended it). */
  code: number | null;
  /** Everything it wrote on stderr: the connector's JSON log lines and start-up errors. */
  stderr: string;
}

/**
 * Runs a connector as `pnpm start` does: its entry module as the main program of a new Node process, in `cwd`,
 * with only `env` (and `PATH`). Resolves when the process exits, with its exit code and stderr; with
 * `CONNECTOR_RUN_AND_TERMINATE=true` that is after one run. Tests of the entry point use it: `config.yml` read from
 * the working directory, exit 0 after a successful run, exit 1 listing every configuration problem.
 *
 * @example
 * ```ts
 * const { code, stderr } = await runConnectorProgram({
 *   entry: fileURLToPath(new URL("../src/index.ts", import.meta.url)),
 *   execArgv: ["--import", import.meta.resolve("tsx")],
 *   cwd, // holds the config.yml of the test
 *   env: { CONNECTOR_RUN_AND_TERMINATE: "true" },
 * });
 * ```
 */
export function runConnectorProgram(options: ConnectorProgramOptions): Promise<ConnectorProgramResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.execArgv ?? []), options.entry], {
      cwd: options.cwd,
      env: { PATH: process.env.PATH ?? "", ...options.env },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stderr }));
  });
}
