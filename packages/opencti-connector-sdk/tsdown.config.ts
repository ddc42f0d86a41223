import { defineConfig } from "tsdown";

export default defineConfig({
  // `schema`: the pruned OpenCTI schema SDL (`@org/opencti-connector-sdk/schema`), for test platforms.
  // `cli`: the `opencti-connector` executable (the package's `bin`).
  entry: { index: "src/index.ts", schema: "src/api/schema/opencti-connector-schema.ts", cli: "src/cli/bin.ts" },
  format: ["esm", "cjs"],
  platform: "node",
  target: "node20",
  dts: true,
  sourcemap: true,
  clean: true,
});
