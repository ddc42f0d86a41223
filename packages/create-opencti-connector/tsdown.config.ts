import { defineConfig } from "tsdown";

// ESM only: a bin (`create-opencti-connector`) and its programmatic API. `scripts/copy-template.ts` then adds
// `dist/template/`, the connector template the bin copies.
export default defineConfig({
  entry: { index: "src/index.ts", cli: "src/cli.ts" },
  format: ["esm"],
  platform: "node",
  target: "node20",
  dts: true,
  sourcemap: true,
  clean: true,
});
