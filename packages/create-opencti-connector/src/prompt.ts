import { createInterface } from "node:readline";

/** Asks questions on a terminal; an empty answer takes the default. */
export interface Prompter {
  ask(question: string, defaultValue: string): Promise<string>;
  close(): void;
}

/**
 * A {@link Prompter} reading one line per answer with `node:readline`. Lines typed ahead (or piped) are kept for
 * the next questions; once the input has ended, every question takes its default.
 */
export function createPrompter(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Prompter {
  const readline = createInterface({ input, terminal: false });
  const lines = readline[Symbol.asyncIterator]();
  return {
    async ask(question, defaultValue) {
      output.write(`${question}${defaultValue === "" ? "" : ` (${defaultValue})`}: `);
      const next = await lines.next();
      const answer = next.done ? "" : String(next.value).trim();
      return answer === "" ? defaultValue : answer;
    },
    close: () => readline.close(),
  };
}
