import { basename, relative, resolve } from "node:path";
import { parseCliArgs, USAGE } from "./cli-args.js";
import { DEFAULT_SCOPE, defaultNamespace, defaultTitle, resolveConnectorNames, slugOf } from "./connector-names.js";
import { createPrompter, type Prompter } from "./prompt.js";
import { scaffoldConnector } from "./scaffold.js";
import { ScaffoldError } from "./scaffold-error.js";

/** The process around the CLI: streams, terminal detection, working directory; injectable for tests. */
export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Whether questions may be asked (stdin is a terminal). */
  interactive: boolean;
  cwd: string;
  /** The template to copy; default the shipped one. */
  templateDir?: string;
}

async function answers(args: Extract<ReturnType<typeof parseCliArgs>, { command: "create" }>, prompter: Prompter) {
  const directory = args.directory ?? (await prompter.ask("Folder of the new connector", "my-connector"));
  const slug = slugOf(basename(resolve(directory)));
  const name = args.name ?? (await prompter.ask("Connector name", defaultTitle(slug)));
  const namespace =
    args.namespace ??
    (await prompter.ask("Settings namespace (its variables are <NAMESPACE>_*)", defaultNamespace(slug)));
  const scope = args.scope ?? (await prompter.ask("Scope (comma-separated)", DEFAULT_SCOPE.join(",")));
  return { directory, name, namespace, scope };
}

/**
 * `create-opencti-connector`: parses the command line, asks for what is missing (when interactive and without
 * `--yes`), writes the connector and prints the next steps. Resolves with the exit code: 0 on success, 1 on a
 * refused input or a folder that is not empty, 2 on a bad command line.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const print = (stream: NodeJS.WritableStream, text: string) => stream.write(`${text}\n`);
  const args = parseCliArgs(argv);
  if (typeof args === "string") {
    print(io.stderr, `create-opencti-connector: ${args}\n\n${USAGE}`);
    return 2;
  }
  if (args.command === "help") {
    print(io.stdout, USAGE);
    return 0;
  }
  let input: {
    directory: string | undefined;
    name?: string | undefined;
    namespace?: string | undefined;
    scope?: string | undefined;
  } = args;
  if (io.interactive && !args.yes) {
    const prompter = createPrompter(io.stdin, io.stdout);
    try {
      input = await answers(args, prompter);
    } finally {
      prompter.close();
    }
  }
  if (input.directory === undefined) {
    print(io.stderr, `create-opencti-connector: give the folder of the new connector\n\n${USAGE}`);
    return 2;
  }
  try {
    const directory = resolve(io.cwd, input.directory);
    const names = resolveConnectorNames({ ...input, directory });
    const result = await scaffoldConnector({
      names,
      directory,
      ...(io.templateDir === undefined ? {} : { templateDir: io.templateDir }),
      ...(args.packagesFrom === undefined ? {} : { packagesFrom: resolve(io.cwd, args.packagesFrom) }),
    });
    const shown = relative(io.cwd, result.directory) || ".";
    print(
      io.stdout,
      [
        `Created ${names.title} in ${shown} (${result.files.length} files): package ${names.packageName}, settings ${names.envPrefix}_* / ${names.namespace}: in config.yml, image opencti/connector-${names.slug}.`,
        result.localPackages.length > 0
          ? `The @org/* packages install from ${result.localPackages.map((p) => `vendor/${p.file}`).join(", ")}.`
          : "",
        "Next:",
        `  cd ${shown}`,
        "  npm install        (or pnpm install)",
        "  npm test           # mapping, client, metadata and end-to-end tests on the bundled sample feed",
        "  npm run demo       # one run against the sample feed and an in-process OpenCTI emulator",
        "Then write src/client.ts and src/mapping.ts for your source, and run `npm run metadata` after changing settings.",
      ]
        .filter((line) => line !== "")
        .join("\n"),
    );
    return 0;
  } catch (error) {
    if (error instanceof ScaffoldError) {
      print(io.stderr, `create-opencti-connector: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
