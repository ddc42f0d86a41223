import { defineConfig } from "vitest/config";

/**
 * Tests that disrupt the shared RabbitMQ (closing connections, restarting the broker): run after the main suite,
 * one file at a time, so no other test sees the broker go away.
 */
export default defineConfig({
  test: {
    include: ["test/**/*.disruptive.test.ts"],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 60_000,
  },
});
