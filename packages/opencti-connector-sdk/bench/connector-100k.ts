/** `ExternalImportConnector` end to end with 100,000 records (the memory reference point of the 1,000,000 run). */
import { runConnectorBench } from "./connector-feed.js";

export async function run(): Promise<void> {
  await runConnectorBench(100_000);
}
