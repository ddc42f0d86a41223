import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // Broker-disrupting tests run alone, after this suite (vitest.disruptive.config.ts).
    exclude: [...configDefaults.exclude, "test/**/*.disruptive.test.ts"],
    testTimeout: 30_000,
  },
});
