/** One GraphQL request as the emulator saw it. */
export interface CallRecord {
  /** ISO time of arrival. */
  readonly at: string;
  /** The operation's name (`PingConnector`), or `null` for an anonymous operation or an unparsable document. */
  readonly operationName: string | null;
  /** Root fields selected (`pingConnector`), empty when the document did not parse or validate. */
  readonly fields: readonly string[];
  readonly variables: Readonly<Record<string, unknown>>;
  /** HTTP status of the answer. */
  readonly status: number;
  /** The client's `User-Agent` (pycti: `pycti/<version>`, the SDK: `opencti-connector-sdk-ts/<version>`). */
  readonly userAgent: string | null;
  /** `extensions.code` of each error, in order (empty on success). */
  readonly errorCodes: readonly string[];
}

/** A bounded log of the GraphQL calls received, oldest first (the oldest are dropped past `limit`). */
export class CallLog {
  readonly #limit: number;
  readonly #calls: CallRecord[] = [];

  constructor(limit: number) {
    this.#limit = limit;
  }

  add(call: CallRecord): void {
    this.#calls.push(Object.freeze(call));
    if (this.#calls.length > this.#limit) this.#calls.splice(0, this.#calls.length - this.#limit);
  }

  /** Calls in arrival order, optionally only those selecting `field` or named `operationName`. */
  list(filter: { field?: string; operationName?: string } = {}): CallRecord[] {
    return this.#calls.filter(
      (c) =>
        (filter.field === undefined || c.fields.includes(filter.field)) &&
        (filter.operationName === undefined || c.operationName === filter.operationName),
    );
  }
}
