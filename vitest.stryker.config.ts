// Runtime tests only, for mutation testing: no type-level tests, no coverage thresholds,
// and without the long fuzz run (it asserts only that errors are CxMetricsError, which the unit tests pin more precisely).
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/fuzz.test.ts", "**/node_modules/**"],
    typecheck: { enabled: false },
    testTimeout: 60_000,
  },
});
