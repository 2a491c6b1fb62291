import { defineConfig } from "tsup";

const dts = { compilerOptions: { ignoreDeprecations: "6.0" } };

// The public entry points (package.json "exports"), one a line.
const entries = {
  index: "src/index.ts",
  "schemas/index": "src/schemas/index.ts",
  "charts/index": "src/charts/index.ts",
  "sql/index": "src/sql/index.ts",
};

export default defineConfig([
  {
    // ESM keeps one file per module, so that with "sideEffects": false an app's bundler drops every module it does not
    // use (and their dependencies) instead of shipping the whole library.
    entry: ["src/**/*.ts", "!src/cli/**"],
    format: ["esm"],
    bundle: false,
    target: "es2022",
    platform: "neutral",
    dts: { ...dts, entry: entries },
    sourcemap: true,
    clean: false,
  },
  {
    entry: entries,
    format: ["cjs"],
    target: "es2022",
    platform: "neutral",
    dts,
    sourcemap: true,
    clean: false,
    // Shared chunks, so that cx-metrics and cx-metrics/sql share one CxMetricsError class under require() too.
    splitting: true,
  },
  {
    // The command-line program: one self-contained ESM file with csv-parse bundled in, so the package's runtime
    // dependencies stay those of the library.
    entry: { cli: "src/cli/main.ts" },
    format: ["esm"],
    target: "node20",
    platform: "node",
    banner: { js: "#!/usr/bin/env node" },
    noExternal: ["csv-parse"],
    sourcemap: false,
    clean: false,
    treeshake: true,
    splitting: false,
  },
]);
