import type { DemoConnector } from "./run-demo.js";

export const sampleConnector: DemoConnector = { name: "Sectors sample", run: async () => {} };
