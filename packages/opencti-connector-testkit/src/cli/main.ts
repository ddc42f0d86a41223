#!/usr/bin/env node
import { pathToFileURL } from "node:url";
import { type DemoConnector, runDemo } from "../demo/run-demo.js";
import { sampleConnector } from "../demo/sample-connector.js";
import { TestkitError } from "../errors/testkit-error.js";
import { parseCliArgs, USAGE } from "./cli-args.js";
import { serve } from "./serve.js";

const out = (line: string) => process.stdout.write(`${line}\n`);

async function loadConnector(path: string): Promise<DemoConnector> {
  const module = (await import(pathToFileURL(path).href)) as { demoConnector?: DemoConnector; default?: DemoConnector };
  const connector = module.demoConnector ?? module.default;
  if (!connector || typeof connector.run !== "function") {
    throw new TypeError(`${path} exports no DemoConnector: export { demoConnector } with name and run(env)`);
  }
  return connector;
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseCliArgs(argv);
  if (typeof args === "string") {
    process.stderr.write(`opencti-testkit: ${args}\n\n${USAGE}`);
    return 2;
  }
  if (args.command === "help") {
    out(USAGE);
    return 0;
  }
  if (args.command === "serve") {
    const platform = await serve(args, out);
    await new Promise<void>((resolve) => {
      process.once("SIGINT", resolve);
      process.once("SIGTERM", resolve);
    });
    await platform.stop();
    return 0;
  }
  const connector = args.connector ? await loadConnector(args.connector) : sampleConnector;
  const result = await runDemo({
    connector,
    ...(args.amqp ? { amqp: { url: args.amqp } } : {}),
    out,
  });
  return result.success ? 0 : 1;
}

// The CLI owns the process: exit once done, even if a connector left a timer or a socket open.
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = TestkitError.isInstance(error) || error instanceof Error ? error.message : String(error);
    process.stderr.write(`opencti-testkit: ${message}\n`);
    process.exit(1);
  },
);
