import { readdir, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { BundleLinter, type BundleLintReport, type LintBundleOptions } from "../validation/bundle-linter.js";
import { sortProblems } from "../validation/bundle-problem.js";
import { type BundleInput, openBundleInput } from "./bundle-input.js";
import { CliError } from "./cli-error.js";
import type { ResolvedCliIo } from "./cli-io.js";
import { parseCommandArgs } from "./parse-command-args.js";
import { countByKind, scanBundle } from "./scan-bundle.js";
import { formatCount } from "./send-summary.js";
import { COMMAND_USAGE } from "./usage.js";

/** The bundles to lint: the file (or stdin), or every `*.json` file of the directory, in name order. */
async function lintInputs(target: string, io: ResolvedCliIo): Promise<BundleInput[]> {
  if (target === "-") return [await openBundleInput(target, io)];
  const path = resolve(io.cwd, target);
  const info = await stat(path).catch(() => undefined);
  if (info === undefined) throw new CliError(`cannot read ${target}: no such file or directory`);
  if (!info.isDirectory()) return [await openBundleInput(target, io)];
  const names = (await readdir(path)).filter((name) => name.endsWith(".json")).sort();
  if (names.length === 0) throw new CliError(`${target} holds no .json file to lint`);
  return Promise.all(names.map((name) => openBundleInput(join(target, name), io)));
}

async function lintOne(input: BundleInput, options: LintBundleOptions): Promise<BundleLintReport> {
  const linter = new BundleLinter(options);
  const outcome = await scanBundle(input.open(), (value, index) => linter.add(value, index));
  const report = linter.finish();
  if (outcome.syntax === undefined) return report;
  return {
    passed: false,
    objectCount: report.objectCount,
    findings: sortProblems([...report.findings, outcome.syntax]),
  };
}

/**
 * `opencti-connector lint <file | dir> [--json] [--allow-foreign-ids]`: lints each bundle with a `BundleLinter`
 * (author, markings, deterministic ids unless `--allow-foreign-ids`, for passthrough connectors) and prints every
 * finding as `<file>: <path>: <message> [<kind>]` and a closing line. Exit 1 when anything was found.
 */
export async function lintCommand(args: readonly string[], io: ResolvedCliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    "lint",
    args,
    { json: { type: "boolean" }, "allow-foreign-ids": { type: "boolean" } },
    { min: 1, max: 1, names: "a bundle file or a directory of bundles" },
  );
  const target = positionals[0] ?? "";
  const json = values.json === true;
  const options: LintBundleOptions = { foreignIds: values["allow-foreign-ids"] === true };
  if (values.help === true) {
    io.out(COMMAND_USAGE.lint);
    return 0;
  }
  const results: { file: string; report: BundleLintReport }[] = [];
  for (const input of await lintInputs(target, io)) {
    results.push({ file: input.label, report: await lintOne(input, options) });
  }
  const findings = results.flatMap(({ report }) => report.findings);
  if (json) {
    io.out(
      JSON.stringify(
        results.map(({ file, report }) => ({ file, ...report })),
        null,
        2,
      ),
    );
  } else {
    for (const { file, report } of results) {
      for (const finding of report.findings)
        io.out(`${file}: ${finding.path || "bundle"}: ${finding.message} [${finding.kind}]`);
    }
    const objects = results.reduce((sum, { report }) => sum + report.objectCount, 0);
    const bundles = `${results.length} bundle${results.length === 1 ? "" : "s"}`;
    const scope = `${bundles}, ${formatCount(objects)} object${objects === 1 ? "" : "s"}`;
    io.out(
      findings.length === 0
        ? `lint: ${scope}, no findings`
        : `lint: ${formatCount(findings.length)} finding${findings.length === 1 ? "" : "s"} in ${scope} (${countByKind(findings)})`,
    );
  }
  return findings.length === 0 ? 0 : 1;
}
