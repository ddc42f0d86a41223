/**
 * `pnpm demo [--amqp [url]]`: runs the Template connector once against its sample feed and the in-process
 * platform emulator (API push; `--amqp` goes through RabbitMQ, default `amqp://guest:guest@127.0.0.1:5672`).
 * Exits 0 on success, 1 otherwise.
 */
import { parseArgs } from "node:util";
import { runTemplateDemo } from "./demo.js";

const DEFAULT_BROKER = "amqp://guest:guest@127.0.0.1:5672";

const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== "--"),
  options: { amqp: { type: "boolean" }, "amqp-url": { type: "string" } },
  strict: true,
});
const amqpUrl = values["amqp-url"] ?? (values.amqp ? DEFAULT_BROKER : undefined);
const result = await runTemplateDemo(amqpUrl === undefined ? {} : { amqp: { url: amqpUrl } });
// The demo owns the process: exit once done, whatever sockets a library left open.
process.exit(result.success ? 0 : 1);
