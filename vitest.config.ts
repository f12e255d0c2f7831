import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    reporters: ["default", "./test/summary-reporter.ts"],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    // The report and browser tests start Jupyter and Chromium: keep files from competing for the 2 cores.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
