/**
 * `pnpm fixture-server`: serves the sample catalog of `fixtures/` on http://127.0.0.1:8085 (or `FIXTURES_PORT`)
 * until Ctrl-C, so the connector runs offline with
 * `CISA_KEV_FEED_URL=http://127.0.0.1:8085/known_exploited_vulnerabilities.json`.
 */
import { fileURLToPath } from "node:url";
import { startFileServer } from "@org/opencti-connector-testkit";

const server = await startFileServer({
  dir: fileURLToPath(new URL("../fixtures", import.meta.url)),
  port: Number(process.env.FIXTURES_PORT ?? 8085),
});
console.log(`Serving fixtures/ at ${server.url}`);
console.log(`CISA_KEV_FEED_URL=${server.fileUrl("known_exploited_vulnerabilities.json")}`);
const stop = () => {
  server.close().then(() => process.exit(0));
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
