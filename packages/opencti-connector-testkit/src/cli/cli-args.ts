import { parseArgs } from "node:util";

/** A parsed command line of `opencti-testkit`. */
export type CliCommand =
  | {
      command: "serve";
      port: number;
      host: string;
      token: string | undefined;
      amqp: string | undefined;
      queuePrefix: string | undefined;
      version: string | undefined;
      schemaPath: string | undefined;
    }
  | { command: "demo"; amqp: string | undefined; connector: string | undefined }
  | { command: "help" };

/** Usage text printed by `--help` and on a bad command line. */
export const USAGE = `Usage:
  opencti-testkit serve [--port N] [--host H] [--amqp amqp://guest:guest@127.0.0.1:5672] [--token T]
                        [--queue-prefix P] [--platform-version 6.9.17] [--schema path/to/schema.graphql]
      Starts the OpenCTI platform emulator and prints the OPENCTI_URL and OPENCTI_TOKEN to give a connector;
      its page at / lists connectors, works and ingested objects. Ctrl-C stops it.
  opencti-testkit demo [--amqp amqp://guest:guest@127.0.0.1:5672] [--connector path/to/module.js]
      Starts the emulator in-process, runs a connector once against it (API push, or RabbitMQ with --amqp) and
      prints a summary. The module must export a DemoConnector as \`demoConnector\` (or default).
`;

/** Parses `argv` (without node and the script); returns a message naming the problem when it is invalid. */
export function parseCliArgs(argv: readonly string[]): CliCommand | string {
  const [command, ...rest] = argv;
  if (command === undefined || command === "help" || command === "--help" || command === "-h") {
    return { command: "help" };
  }
  try {
    if (command === "serve") {
      const { values } = parseArgs({
        args: rest,
        strict: true,
        options: {
          port: { type: "string", default: "4000" },
          host: { type: "string", default: "127.0.0.1" },
          token: { type: "string" },
          amqp: { type: "string" },
          "queue-prefix": { type: "string" },
          "platform-version": { type: "string" },
          schema: { type: "string" },
        },
      });
      const port = Number(values.port);
      if (!Number.isInteger(port) || port < 0 || port > 65_535) return `--port must be 0-65535, got ${values.port}`;
      return {
        command: "serve",
        port,
        host: values.host,
        token: values.token,
        amqp: values.amqp,
        queuePrefix: values["queue-prefix"],
        version: values["platform-version"],
        schemaPath: values.schema,
      };
    }
    if (command === "demo") {
      const { values } = parseArgs({
        args: rest,
        strict: true,
        options: { amqp: { type: "string" }, connector: { type: "string" } },
      });
      return { command: "demo", amqp: values.amqp, connector: values.connector };
    }
  } catch (error) {
    return (error as Error).message;
  }
  return `unknown command "${command}"`;
}
