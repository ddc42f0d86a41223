import { sortProblems } from "../validation/bundle-problem.js";
import { type BundleValidationReport, BundleValidator } from "../validation/bundle-validator.js";
import { openBundleInput } from "./bundle-input.js";
import type { ResolvedCliIo } from "./cli-io.js";
import { parseReportArgs } from "./parse-command-args.js";
import { countByKind, scanBundle } from "./scan-bundle.js";
import { formatCount } from "./send-summary.js";
import { COMMAND_USAGE } from "./usage.js";

/**
 * `opencti-connector validate <file | -> [--json]`: streams the bundle through a `BundleValidator` and prints every
 * problem as `<path>: <message>` and a closing line (or the report as JSON). Exit 1 when anything is wrong.
 */
export async function validateCommand(args: readonly string[], io: ResolvedCliIo): Promise<number> {
  const { target, json, help } = parseReportArgs("validate", args, "a bundle file, or - for stdin");
  if (help) {
    io.out(COMMAND_USAGE.validate);
    return 0;
  }
  const input = await openBundleInput(target, io);
  const validator = new BundleValidator();
  const outcome = await scanBundle(input.open(), (value, index) => validator.add(value, index));
  let report: BundleValidationReport = validator.finish(outcome.envelope?.properties);
  if (outcome.syntax !== undefined) {
    report = {
      valid: false,
      objectCount: report.objectCount,
      problems: sortProblems([...report.problems, outcome.syntax]),
    };
  }
  if (json) {
    io.out(JSON.stringify(report, null, 2));
  } else {
    for (const problem of report.problems) io.out(`${problem.path || "bundle"}: ${problem.message}`);
    const objects = `${formatCount(report.objectCount)} object${report.objectCount === 1 ? "" : "s"}`;
    const count = report.problems.length;
    io.out(
      report.valid
        ? `${input.label}: ${objects}, no problems`
        : `${input.label}: ${formatCount(count)} problem${count === 1 ? "" : "s"} in ${objects} (${countByKind(report.problems)})`,
    );
  }
  return report.valid ? 0 : 1;
}
