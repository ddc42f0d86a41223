import { ConnectorSdkError, hasErrorMarker } from "./connector-sdk-error.js";

const MARKER = Symbol.for("org.opencti-connector-sdk.error.DeliveryError");

/**
 * The transports a bundle can be delivered through (spec §6.3–§6.5): RabbitMQ, `stixBundlePush`, files, or the
 * workbench upload of validation mode.
 */
export type DeliveryTransportKind = "amqp" | "api" | "directory" | "workbench";

/**
 * What the delivery was doing when it failed: opening the broker connection, announcing the work's
 * expectations, publishing (or pushing, or writing) the messages, or closing.
 */
export type DeliveryPhase = "connect" | "expectations" | "publish";

/**
 * A bundle could not be delivered.
 *
 * Carries what the caller needs to decide and to report: the transport, the broker's host and port for AMQP (never
 * its user or password), how many messages of the failing batch were confirmed before the failure (`delivered` of
 * `total`), and `isRetryable` (true when retrying the whole batch later may succeed: the broker was unreachable or
 * kept failing; false for bad input, refused credentials or a closed transport). `cause` is the last underlying
 * error.
 */
/** Constructor arguments of {@link DeliveryError}. */
export interface DeliveryErrorArgs {
  transport: DeliveryTransportKind;
  phase: DeliveryPhase;
  /** What went wrong, without the transport prefix. */
  message: string;
  isRetryable: boolean;
  host?: string | undefined;
  port?: number | undefined;
  attempts?: number | undefined;
  delivered?: number | undefined;
  total?: number | undefined;
  cause?: unknown;
}

export class DeliveryError extends ConnectorSdkError {
  readonly [MARKER] = true;
  readonly #args: DeliveryErrorArgs;
  readonly transport: DeliveryTransportKind;
  readonly phase: DeliveryPhase;
  /** Broker host (AMQP only). */
  readonly host: string | undefined;
  /** Broker port (AMQP only). */
  readonly port: number | undefined;
  readonly isRetryable: boolean;
  /** Attempts made before giving up (connection attempts or publications of the failing message). */
  readonly attempts: number | undefined;
  /** Messages of the failing batch confirmed (or pushed, or written) before the failure. */
  readonly delivered: number;
  /** Messages the failing batch had to deliver. */
  readonly total: number;

  constructor(args: DeliveryErrorArgs) {
    const where = args.host === undefined ? "" : ` (${args.host}:${args.port ?? "?"})`;
    super("DeliveryError", `${args.transport} delivery failed${where}: ${args.message}`, { cause: args.cause });
    this.transport = args.transport;
    this.phase = args.phase;
    this.host = args.host;
    this.port = args.port;
    this.isRetryable = args.isRetryable;
    this.attempts = args.attempts;
    this.delivered = args.delivered ?? 0;
    this.total = args.total ?? 0;
    this.#args = args;
  }

  /** The same error, recording how many of the batch's messages were delivered before it. */
  withProgress(delivered: number, total: number): DeliveryError {
    return new DeliveryError({ ...this.#args, delivered, total });
  }

  static override isInstance(value: unknown): value is DeliveryError {
    return hasErrorMarker(value, MARKER);
  }
}
