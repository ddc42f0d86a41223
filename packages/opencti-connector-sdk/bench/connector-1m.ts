/** `ExternalImportConnector` end to end with 1,000,000 records: records/s and peak RSS (target under 300 MB). */
import { runConnectorBench } from "./connector-feed.js";

export async function run(): Promise<void> {
  await runConnectorBench(1_000_000);
}
