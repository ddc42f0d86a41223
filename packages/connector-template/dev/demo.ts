import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type AmqpOptions, type DemoResult, runDemo } from "@org/opencti-connector-testkit";
import { TemplateConnector, templateConfig } from "../src/index.js";
import { startFixtureServer } from "./fixture-server.js";

/** Options of {@link runTemplateDemo}. */
export interface TemplateDemoOptions {
  /** Deliver through this RabbitMQ broker instead of API push. */
  amqp?: AmqpOptions;
  /** Where the summary goes, line by line. Default: stdout. */
  out?: (line: string) => void;
}

/**
 * `pnpm demo`: starts the fixture server (the bundled sample feed, dated to end an hour ago) and the testkit's
 * platform emulator in-process, runs the Template connector once (run-and-terminate) against both, and prints the
 * testkit's summary: the work and its status, the objects ingested by type, the saved state. Resolves with the
 * testkit's result; `success` is true when the run succeeded and its work completed without errors.
 */
export async function runTemplateDemo(options: TemplateDemoOptions = {}): Promise<DemoResult> {
  const feed = await startFixtureServer({ rebaseTo: Date.now() });
  // The connector reads only the environment given here: no config.yml from the working directory.
  const cwd = await mkdtemp(join(tmpdir(), "connector-template-demo-"));
  try {
    return await runDemo({
      connector: {
        name: templateConfig.connector.name ?? "Template Feed",
        async run(env) {
          const connector = new TemplateConnector({
            env: { ...env, TEMPLATE_API_BASE_URL: feed.url, TEMPLATE_API_KEY: feed.apiKey },
            cwd,
          });
          const { exitCode } = await connector.run();
          if (exitCode !== 0) throw new Error("the Template connector's run failed (its error is logged above)");
        },
      },
      ...(options.amqp ? { amqp: options.amqp } : {}),
      ...(options.out ? { out: options.out } : {}),
    });
  } finally {
    await feed.close();
    await rm(cwd, { recursive: true, force: true });
  }
}
