/**
 * Holds a run's checkpoints until they may be persisted (spec §4.4): a checkpoint registered after delivery `n` is
 * persisted only once deliveries 1 to `n` are all confirmed, whatever order confirmations arrive in.
 * Eligible checkpoints are written one at a time, in order, each of them (so the platform sees every step). After
 * a failed write nothing more is written and {@link CheckpointQueue.flush} rejects with that error.
 */
export class CheckpointQueue<S> {
  readonly #persist: (state: S) => Promise<void>;
  #pending: { after: number; state: S }[] = [];
  readonly #eligible: S[] = [];
  readonly #confirmed = new Set<number>();
  readonly #waiters: (() => void)[] = [];
  #confirmedThrough = 0;
  #running: Promise<void> | undefined;
  #failure: { error: unknown } | undefined;
  #persisted: { state: S } | undefined;

  /** `persist` writes one state for good (the helper's checkpoint: state + immediate ping). */
  constructor(persist: (state: S) => Promise<void>) {
    this.#persist = persist;
  }

  /** Every delivery up to this number (1-based) is confirmed. */
  get confirmedThrough(): number {
    return this.#confirmedThrough;
  }

  /** Eligible checkpoints not written yet. */
  get backlog(): number {
    return this.#eligible.length;
  }

  /** The last state persisted, if any. */
  get persisted(): { state: S } | undefined {
    return this.#persisted;
  }

  /** The write error, once one happened. */
  get failure(): { error: unknown } | undefined {
    return this.#failure;
  }

  /** Registers `state`, to persist once deliveries 1 to `after` are confirmed (0: at once). */
  add(after: number, state: S): void {
    this.#pending.push({ after, state });
    this.#promote();
  }

  /** Marks delivery `delivery` (1-based) as confirmed. */
  confirm(delivery: number): void {
    this.#confirmed.add(delivery);
    while (this.#confirmed.delete(this.#confirmedThrough + 1)) this.#confirmedThrough += 1;
    this.#promote();
  }

  /** Resolves once at most `max` eligible checkpoints wait to be written (or writing failed). */
  async waitForBacklog(max: number): Promise<void> {
    while (this.#eligible.length > max && !this.#failure) {
      await new Promise<void>((resolve) => this.#waiters.push(resolve));
    }
  }

  /** Resolves once every eligible checkpoint is persisted; rejects with the write error, if any. */
  async flush(): Promise<void> {
    while (this.#running) await this.#running;
    if (this.#failure) throw this.#failure.error;
  }

  #promote(): void {
    const through = this.#confirmedThrough;
    const ready = this.#pending.filter((p) => p.after <= through);
    if (ready.length === 0) return;
    this.#pending = this.#pending.filter((p) => p.after > through);
    this.#eligible.push(...ready.map((p) => p.state));
    this.#kick();
  }

  #kick(): void {
    if (this.#running || this.#failure || this.#eligible.length === 0) return;
    this.#running = this.#work().finally(() => {
      this.#running = undefined;
      this.#kick();
    });
  }

  async #work(): Promise<void> {
    try {
      while (this.#eligible.length > 0 && !this.#failure) {
        const state = this.#eligible[0] as S;
        await this.#persist(state);
        this.#eligible.shift();
        this.#persisted = { state };
        this.#notify();
      }
    } catch (error) {
      this.#failure = { error };
      this.#notify();
    }
  }

  #notify(): void {
    for (const resolve of this.#waiters.splice(0)) resolve();
  }
}
