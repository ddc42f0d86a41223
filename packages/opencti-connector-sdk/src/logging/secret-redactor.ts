/** What a secret is replaced with. */
export const REDACTED = "[REDACTED]";

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Replaces known secret values (the OpenCTI token, the RabbitMQ password, settings marked `secret()`) with
 * `[REDACTED]` wherever they appear. One redactor is shared by a logger and its children; secrets learnt later
 * (e.g. the broker password returned at registration) are added with {@link SecretRedactor.add}.
 */
export class SecretRedactor {
  #secrets = new Set<string>();
  #pattern: RegExp | undefined;

  constructor(secrets: Iterable<string | undefined> = []) {
    this.add(...secrets);
  }

  /** Adds secret values; empty and `undefined` values are ignored. */
  add(...secrets: (string | undefined)[]): void {
    let changed = false;
    for (const secret of secrets) {
      if (secret === undefined || secret === "" || this.#secrets.has(secret)) continue;
      this.#secrets.add(secret);
      changed = true;
    }
    if (!changed) return;
    // Longest first, so a secret containing another is replaced whole.
    const sorted = [...this.#secrets].sort((a, b) => b.length - a.length).map(escapeRegExp);
    this.#pattern = new RegExp(sorted.join("|"), "g");
  }

  /** Number of distinct secrets known. */
  get size(): number {
    return this.#secrets.size;
  }

  /** `text` with every known secret replaced by `[REDACTED]`. */
  redact(text: string): string {
    return this.#pattern === undefined ? text : text.replace(this.#pattern, REDACTED);
  }
}
