import type { AmqpOptions } from "../broker/amqp-settings.js";
import type { StartPlatformOptions } from "../platform/platform-options.js";
import { startPlatform } from "../platform/start-platform.js";
import type { WorkSnapshot } from "../store/work-store.js";
import { formatSummary } from "./format-summary.js";
import { serveCommand } from "./serve-command.js";

/**
 * A connector the demo can run: `run(env)` runs it once (run-and-terminate) configured only by `env`, and
 * resolves when it has finished (it must not exit the process). The env holds `OPENCTI_URL`, `OPENCTI_TOKEN`,
 * `CONNECTOR_ID`, `CONNECTOR_NAME`, `CONNECTOR_RUN_AND_TERMINATE=true`, `CONNECTOR_QUEUE_PROTOCOL` (`api` or
 * `amqp`) and `CONNECTOR_LOG_LEVEL`.
 */
export interface DemoConnector {
  /** Shown in the summary and used as `CONNECTOR_NAME`. */
  readonly name: string;
  run(env: Readonly<Record<string, string>>): Promise<void>;
}

/** Options of {@link runDemo}. */
export interface RunDemoOptions {
  /** The connector to run (the CLI's default is `sampleConnector`, a sample of the OpenCTI sectors dataset). */
  connector: DemoConnector;
  /** Deliver through this RabbitMQ broker (`CONNECTOR_QUEUE_PROTOCOL=amqp`); default API push. */
  amqp?: AmqpOptions;
  /** `CONNECTOR_ID`. Default: a fixed UUID, so reruns update the same connector. */
  connectorId?: string;
  /** How long to wait for the works to complete after the run. Default 60 s. */
  timeoutMs?: number;
  /** Other emulator options (logger, clock, version, ...). */
  platform?: Omit<StartPlatformOptions, "amqp">;
  /** Where the summary goes, line by line. Default: stdout. */
  out?: (line: string) => void;
  /**
   * The connector's folder, where the summary's "More:" line tells to run `opencti-testkit serve` (with `npx` when
   * the testkit's bin is installed there). Default: the current directory.
   */
  cwd?: string;
}

/** What the demo saw. */
export interface DemoResult {
  /** The run finished and every work of the connector completed without errors. */
  success: boolean;
  connectorId: string;
  works: WorkSnapshot[];
  countsByType: Record<string, number>;
  state: Record<string, unknown> | null;
  /** The connector's error, when its run failed. */
  error?: unknown;
}

const DEMO_CONNECTOR_ID = "8d9cfe0e-5c86-4d1c-9c4b-b0d7f5e0b3a1";

/**
 * The root `pnpm demo`: starts the emulator in-process, runs a connector once against it, waits for its works,
 * prints a summary (works and their status, objects by type, the saved state, where to look next) and stops.
 */
export async function runDemo(options: RunDemoOptions): Promise<DemoResult> {
  const out = options.out ?? ((line: string) => process.stdout.write(`${line}\n`));
  const { connector } = options;
  const connectorId = options.connectorId ?? DEMO_CONNECTOR_ID;
  const platform = await startPlatform({ ...options.platform, ...(options.amqp ? { amqp: options.amqp } : {}) });
  try {
    const env = {
      ...platform.env(),
      CONNECTOR_ID: connectorId,
      CONNECTOR_NAME: connector.name,
      CONNECTOR_RUN_AND_TERMINATE: "true",
      CONNECTOR_QUEUE_PROTOCOL: options.amqp ? "amqp" : "api",
      CONNECTOR_LOG_LEVEL: "error",
    };
    let error: unknown;
    try {
      await connector.run(env);
    } catch (caught) {
      error = caught;
    }
    const timeoutMs = options.timeoutMs ?? 60_000;
    const works: WorkSnapshot[] = [];
    for (const work of platform.works(connectorId)) {
      works.push(await platform.waitForWork(work.id, { timeoutMs }).catch(() => platform.work(work.id) ?? work));
    }
    const result: DemoResult = {
      success:
        error === undefined && works.length > 0 && works.every((w) => w.status === "complete" && w.errors.length === 0),
      connectorId,
      works,
      countsByType: platform.countsByType(),
      state: platform.state(connectorId),
      ...(error === undefined ? {} : { error }),
    };
    for (const line of formatSummary({
      connectorName: connector.name,
      delivery: options.amqp ? "RabbitMQ" : "API push (stixBundlePush)",
      url: platform.url,
      result,
      dangling: platform.danglingReferences().length,
      rawState: platform.rawState(connectorId),
      serveCommand: serveCommand(options.cwd ?? process.cwd()),
    })) {
      out(line);
    }
    return result;
  } finally {
    await platform.stop();
  }
}
