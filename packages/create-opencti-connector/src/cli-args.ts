import { parseArgs } from "node:util";

/** A parsed command line of `create-opencti-connector`. */
export type CliArgs =
  | {
      command: "create";
      /** Target folder; asked for when missing and interactive. */
      directory: string | undefined;
      name: string | undefined;
      namespace: string | undefined;
      scope: string | undefined;
      /** Accept the defaults without asking. */
      yes: boolean;
      packagesFrom: string | undefined;
    }
  | { command: "help" };

/** Usage text of `--help` and of a bad command line. */
export const USAGE = `Usage: create-opencti-connector <folder> [options]
       npm init @org/opencti-connector <folder> [-- options]
       pnpm create @org/opencti-connector <folder> [options]

Creates an OpenCTI external-import connector in TypeScript from the SDK's template, in a new folder.

Options:
  --name <text>            Display name (CONNECTOR_NAME, manifest title); default from the folder: acme-feed -> "Acme Feed"
  --namespace <name>       Settings namespace: ACME_* variables, acme: in config.yml; default the folder without hyphens
  --scope <a,b>            CONNECTOR_SCOPE default; default indicator,malware
  --yes, -y                Do not ask: take the defaults of what is not given
  --packages-from <dir>    Install the @org/* packages from the tarballs in <dir> (pnpm pack) instead of the registry
  --help, -h               This text

Without --yes, in a terminal, it asks for what is not given.
`;

/** Parses `argv` (without node and the script); returns a message naming the problem when it is invalid. */
export function parseCliArgs(argv: readonly string[]): CliArgs | string {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        name: { type: "string" },
        namespace: { type: "string" },
        scope: { type: "string" },
        yes: { type: "boolean", short: "y", default: false },
        "packages-from": { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
    if (values.help) return { command: "help" };
    if (positionals.length > 1) return `expected one folder, got ${positionals.length}: ${positionals.join(" ")}`;
    return {
      command: "create",
      directory: positionals[0],
      name: values.name,
      namespace: values.namespace,
      scope: values.scope,
      yes: values.yes,
      packagesFrom: values["packages-from"],
    };
  } catch (error) {
    return (error as Error).message;
  }
}
