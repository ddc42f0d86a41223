/**
 * `pnpm fixture-server`: serves the sample datasets of `fixtures/` on http://127.0.0.1:8086 (or `FIXTURES_PORT`)
 * until Ctrl-C, so the connector runs offline with `DATASETS_BASE_URL=http://127.0.0.1:8086`.
 */
import { fileURLToPath } from "node:url";
import { startFileServer } from "@org/opencti-connector-testkit";

const server = await startFileServer({
  dir: fileURLToPath(new URL("../fixtures", import.meta.url)),
  port: Number(process.env.FIXTURES_PORT ?? 8086),
});
console.log(`Serving fixtures/ at ${server.url}`);
console.log(`DATASETS_BASE_URL=${server.url}`);
const stop = () => {
  server.close().then(() => process.exit(0));
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
