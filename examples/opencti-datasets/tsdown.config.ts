import { defineConfig } from "tsdown";

export default defineConfig({
  // One ES module, `dist/index.js`, run by `pnpm start`; dependencies stay in node_modules.
  entry: { index: "src/index.ts" },
  format: ["esm"],
  platform: "node",
  target: "node20",
  fixedExtension: false,
  dts: false,
  sourcemap: true,
  clean: true,
});
