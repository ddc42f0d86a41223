/** The part of `process` {@link onShutdownSignal} uses (injectable for tests). */
export interface SignalSource {
  on(event: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
  off(event: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
}

/**
 * Calls `handler` when the process receives SIGTERM or SIGINT (or `options.signals`), e.g. to `stop()` the
 * connector. The SDK installs no process hooks by itself: the connector runner opts in with this function. Each
 * signal calls `handler` again (with the count so far), so a second Ctrl-C can force the exit. Note that listening
 * to a signal replaces Node's default exit: the handler is responsible for exiting.
 *
 * @returns A function that removes the listeners.
 * @example
 * ```ts
 * const dispose = onShutdownSignal(async (signal, count) => {
 *   if (count > 1) process.exit(1);
 *   await helper.stop();
 *   process.exit(0);
 * });
 * ```
 */
export function onShutdownSignal(
  handler: (signal: NodeJS.Signals, count: number) => void | Promise<void>,
  options: { signals?: readonly NodeJS.Signals[]; source?: SignalSource } = {},
): () => void {
  const source = options.source ?? process;
  const signals = options.signals ?? ["SIGTERM", "SIGINT"];
  let count = 0;
  const listener = (signal: NodeJS.Signals) => {
    count += 1;
    void handler(signal, count);
  };
  for (const signal of signals) source.on(signal, listener);
  return () => {
    for (const signal of signals) source.off(signal, listener);
  };
}
