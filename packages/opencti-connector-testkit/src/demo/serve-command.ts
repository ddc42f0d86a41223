import { existsSync } from "node:fs";
import { join } from "node:path";

/**
 * How to start `opencti-testkit serve` from `dir`, for the demo's "More:" line. Where the testkit's bin is installed
 * in `dir` (a connector with the testkit as a dev dependency: the template in this repository, a scaffolded
 * connector), `npx opencti-testkit serve` run there; otherwise the bin's name, to run wherever the package is
 * installed.
 */
export function serveCommand(dir: string): string {
  return existsSync(join(dir, "node_modules", ".bin", "opencti-testkit"))
    ? `\`npx opencti-testkit serve\` in ${dir}`
    : "`opencti-testkit serve` (the bin of @org/opencti-connector-testkit, e.g. `npx opencti-testkit serve` where it is installed)";
}
