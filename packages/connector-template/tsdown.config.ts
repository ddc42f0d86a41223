import { defineConfig } from "tsdown";

// One ESM entry, `dist/index.js` (what `pnpm start` and the Docker image run); dependencies stay external.
export default defineConfig({
  entry: { index: "src/index.ts" },
  format: ["esm"],
  fixedExtension: false,
  platform: "node",
  target: "node20",
  dts: false,
  sourcemap: true,
  clean: true,
});
