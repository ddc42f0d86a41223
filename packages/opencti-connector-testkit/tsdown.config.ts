import { defineConfig } from "tsdown";

export default defineConfig({
  entry: { index: "src/index.ts", vitest: "src/vitest/index.ts", cli: "src/cli/main.ts" },
  format: ["esm", "cjs"],
  platform: "node",
  target: "node20",
  dts: true,
  sourcemap: true,
  clean: true,
});
