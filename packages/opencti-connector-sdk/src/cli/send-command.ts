import { mkdir } from "node:fs/promises";
import { resolve } from "node:path";
import { createOpenCtiClient } from "../api/opencti-client.js";
import type { ConnectorConfigOf } from "../config/define-connector-config.js";
import { resolveConnectorConfig } from "../config/load-connector-config.js";
import { BundleSender, type DeliveryResult } from "../delivery/bundle-sender.js";
import type { BundleTransport } from "../delivery/bundle-transport.js";
import { createTransports } from "../delivery/create-transports.js";
import { ConnectorHelper } from "../helper/connector-helper.js";
import { onShutdownSignal } from "../helper/shutdown-signal.js";
import { createLogger, type SdkLogger } from "../logging/create-logger.js";
import { readBundleEntries } from "../validation/read-bundle-objects.js";
import { RunWork } from "../work/run-work.js";
import { workErrorMessage, workFriendlyName } from "../work/work-messages.js";
import { type BundleInput, openBundleInput } from "./bundle-input.js";
import { CLI_CONNECTOR_CONFIG } from "./cli-connector-config.js";
import { CliError } from "./cli-error.js";
import type { ResolvedCliIo } from "./cli-io.js";
import { environmentSecrets, formatCliError } from "./format-cli-error.js";
import { nonNegativeNumber, parseCommandArgs, positiveInteger } from "./parse-command-args.js";
import { type BatchLimits, type BatchProgress, sendBatches } from "./send-batches.js";
import { planSend, type SendPlan } from "./send-plan.js";
import { formatCount, formatRate, formatSendSummary, type SendSummary } from "./send-summary.js";
import { COMMAND_USAGE } from "./usage.js";

const DEFAULT_BATCH_OBJECTS = 5_000;
const DEFAULT_BATCH_BYTES = 16_000_000;
const DEFAULT_STARTUP_TIMEOUT_S = 30;
/** A progress line on stderr at most this often. */
const PROGRESS_INTERVAL_MS = 5_000;

interface SendArgs {
  file: string;
  configPath: string | undefined;
  directory: string | undefined;
  limits: BatchLimits;
  startupTimeoutMs: number;
}

function parseSendArgs(args: readonly string[]): SendArgs | undefined {
  const { values, positionals } = parseCommandArgs(
    "send",
    args,
    {
      config: { type: "string" },
      directory: { type: "string" },
      "batch-size": { type: "string" },
      "batch-bytes": { type: "string" },
      "startup-timeout": { type: "string" },
    },
    { min: 1, max: 1, names: "a bundle file, or - for stdin" },
  );
  if (values.help) return undefined;
  return {
    file: positionals[0] as string,
    configPath: values.config,
    directory: values.directory,
    limits: {
      objects: positiveInteger("send", "batch-size", values["batch-size"], DEFAULT_BATCH_OBJECTS),
      bytes: positiveInteger("send", "batch-bytes", values["batch-bytes"], DEFAULT_BATCH_BYTES),
    },
    startupTimeoutMs:
      nonNegativeNumber("send", "startup-timeout", values["startup-timeout"], DEFAULT_STARTUP_TIMEOUT_S) * 1000,
  };
}

/**
 * `opencti-connector send <file | ->`: loads the configuration, reads the bundle once to validate and count it,
 * then registers, opens a work, delivers the bundle in bounded batches through the configured transports, closes
 * the work and prints the summary. Returns the exit code; any failure is one line on stderr.
 */
export async function sendCommand(args: readonly string[], io: ResolvedCliIo): Promise<number> {
  const parsed = parseSendArgs(args);
  if (parsed === undefined) {
    io.out(COMMAND_USAGE.send);
    return 0;
  }
  const started = io.clock.now();
  const redactor = environmentSecrets(io.env);
  let input: BundleInput | undefined;
  let logger: SdkLogger | undefined;
  try {
    input = await openBundleInput(parsed.file, io, { replayable: true });
    let env = io.env;
    if (parsed.directory !== undefined) {
      const directory = resolve(io.cwd, parsed.directory);
      await mkdir(directory, { recursive: true });
      env = directoryEnv(io.env, directory);
    }
    const resolved = resolveConnectorConfig(CLI_CONNECTOR_CONFIG, {
      env,
      cwd: io.cwd,
      ...(parsed.configPath === undefined ? {} : { configPath: parsed.configPath }),
    });
    redactor.add(...resolved.secrets);
    const { config } = resolved;
    if (!config.connector.sendToQueue && !config.connector.sendToDirectory) {
      throw new CliError(
        "nothing would be sent: CONNECTOR_SEND_TO_QUEUE is false and CONNECTOR_SEND_TO_DIRECTORY is off (use --directory DIR to write files)",
      );
    }
    logger = createLogger({
      name: config.connector.name,
      level: config.connector.logLevel,
      json: config.opencti.jsonLogging,
      secrets: redactor,
      stream: io.stderr as NodeJS.WritableStream,
    });
    for (const diagnostic of resolved.diagnostics) logger[diagnostic.level](diagnostic.message, diagnostic.attributes);
    const plan = await planSend(input.open(), input.label);
    const delivered = await deliver({ io, config, logger, input, plan, parsed, started });
    for (const line of formatSendSummary(delivered)) io.out(line);
    return 0;
  } catch (error) {
    io.err(`error: ${formatCliError(error, (text) => redactor.redact(text))}`);
    return 1;
  } finally {
    await input?.cleanup();
    await logger?.flush();
  }
}

/** `--directory DIR`: bundles go to the directory only (spec §6.5), no work is opened. */
function directoryEnv(env: NodeJS.ProcessEnv, directory: string): NodeJS.ProcessEnv {
  return {
    ...env,
    CONNECTOR_SEND_TO_DIRECTORY: "true",
    CONNECTOR_SEND_TO_DIRECTORY_PATH: directory,
    CONNECTOR_SEND_TO_QUEUE: "false",
  };
}

interface DeliverContext {
  io: ResolvedCliIo;
  config: ConnectorConfigOf<typeof CLI_CONNECTOR_CONFIG>;
  logger: SdkLogger;
  input: BundleInput;
  plan: SendPlan;
  parsed: SendArgs;
  started: number;
}

/** Registers, opens the work, delivers every batch, closes the work (in error on failure) and cleans up. */
async function deliver(context: DeliverContext): Promise<SendSummary> {
  const { io, config, logger, input, plan, parsed } = context;
  const { connector, opencti } = config;
  const api = createOpenCtiClient({
    url: opencti.url,
    token: opencti.token,
    customHeaders: opencti.customHeaders,
    sslVerify: opencti.sslVerify,
    ...(opencti.sslCaPath === undefined ? {} : { caPath: opencti.sslCaPath }),
    startupDeadlineMs: parsed.startupTimeoutMs,
    logger,
  });
  const helper = new ConnectorHelper({ config, api, logger, secrets: logger.redactor });
  const transports: BundleTransport[] = [];
  let work: RunWork | undefined;
  const abort = new AbortController();
  const dispose = onShutdownSignal((signal) => abort.abort(new CliError(`interrupted by ${signal}`)), {
    source: io.signals,
  });
  try {
    const registration = await helper.start();
    transports.push(
      ...createTransports({
        connector,
        registration,
        mq: config.mq,
        api,
        logger,
        amqp: {
          onUnroutable: async () => void (await helper.forcePing()),
          // --startup-timeout bounds reaching the broker too, not only the GraphQL API.
          startupDeadlineMs: parsed.startupTimeoutMs,
        },
      }),
    );
    for (const transport of transports) await transport.start(abort.signal);
    if (connector.sendToQueue) {
      work = new RunWork({
        api,
        connectorId: connector.id,
        name: workFriendlyName(connector.name, io.clock.now()),
        clock: io.clock,
        logger,
      });
    }
    const workId = await work?.open();
    const progress: BatchProgress = { consumed: 0 };
    let lastReport = io.clock.now();
    let delivered = 0;
    const sender = new BundleSender({
      transports,
      api,
      logger,
      maxWarnings: 10_000,
      onSent: (counts) => {
        delivered += counts.objects;
      },
    });
    let result: DeliveryResult;
    try {
      result = await sender.send(sendBatches(readBundleEntries(input.open()), plan.bundleId, parsed.limits, progress), {
        workId,
        signal: abort.signal,
        onBatch: () => {
          const now = io.clock.now();
          if (now - lastReport < PROGRESS_INTERVAL_MS) return;
          lastReport = now;
          const percent = ((progress.consumed * 100) / plan.objects).toFixed(0);
          const rate = formatRate(progress.consumed, now - context.started);
          io.err(
            `progress: ${formatCount(progress.consumed)} of ${formatCount(plan.objects)} objects sent (${percent} %), ${rate} objects/s`,
          );
        },
      });
    } catch (error) {
      const cause = abort.signal.aborted ? abort.signal.reason : error;
      const sent = `${formatCount(delivered)} objects delivered before it stopped`;
      await work?.close({ message: workErrorMessage(cause, (t) => logger.redactor.redact(t)), inError: true });
      throw new CliError(`${formatCliError(cause, (t) => logger.redactor.redact(t))} (${sent})`, { cause });
    }
    const workbench = connector.sendToQueue && connector.validateBeforeImport;
    const sent = workbench ? "uploaded to the workbench for validation" : `${formatCount(result.sent)} messages`;
    const done = `${formatCount(plan.objects)} objects from ${input.label} in ${result.batches} batches (${sent})`;
    await work?.close({ message: `opencti-connector send: ${done}`, inError: false });
    return {
      label: input.label,
      transport: workbench ? "workbench" : connector.sendToQueue ? connector.queueProtocol : "directory",
      directory: connector.sendToDirectory ? connector.sendToDirectoryPath : undefined,
      objects: plan.objects,
      byType: plan.byType,
      result,
      workId,
      elapsedMs: io.clock.now() - context.started,
    };
  } finally {
    dispose();
    for (const transport of transports) await transport.close().catch(() => undefined);
    // Stops the ping loop, pings a last time (the stored state is sent back unchanged) and closes the client.
    await helper.stop();
  }
}
