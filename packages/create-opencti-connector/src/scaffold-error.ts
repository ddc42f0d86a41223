/**
 * Why a connector cannot be scaffolded (a bad name, a folder that is not empty, a missing tarball). The CLI
 * prints `message` and exits 1; `issues` lists every problem found.
 */
export class ScaffoldError extends Error {
  /** Every problem, one sentence each, naming the option and the fix. */
  readonly issues: readonly string[];

  constructor(issues: readonly string[], options: { cause?: unknown } = {}) {
    super(issues.length === 1 ? (issues[0] as string) : `${issues.length} problems:\n- ${issues.join("\n- ")}`, {
      cause: options.cause,
    });
    this.name = "ScaffoldError";
    this.issues = issues;
  }
}
