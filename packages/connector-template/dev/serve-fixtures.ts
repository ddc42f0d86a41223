/**
 * `pnpm fixture-server [--port 8080]`: serves the bundled sample feed (dated to end an hour ago) until Ctrl-C, and
 * prints the settings to give the connector.
 */
import { parseArgs } from "node:util";
import { INDICATORS_PATH } from "../src/client.js";
import { startFixtureServer } from "./fixture-server.js";

const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== "--"),
  options: { port: { type: "string", default: "8080" }, host: { type: "string", default: "127.0.0.1" } },
  strict: true,
});
const server = await startFixtureServer({ rebaseTo: Date.now(), port: Number(values.port), host: values.host });
process.stdout.write(
  [
    `Template fixture feed: ${server.records.length} records on ${server.url}${INDICATORS_PATH}`,
    `  TEMPLATE_API_BASE_URL=${server.url}`,
    `  TEMPLATE_API_KEY=${server.apiKey}`,
    "Ctrl-C stops it.",
    "",
  ].join("\n"),
);
await new Promise<void>((resolve) => {
  process.once("SIGINT", resolve);
  process.once("SIGTERM", resolve);
});
await server.close();
