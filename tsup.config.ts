import { defineConfig } from "tsup";

const dts = { compilerOptions: { ignoreDeprecations: "6.0" } };

export default defineConfig([
  {
    // ESM keeps one file per module, so that with "sideEffects": false an app's bundler drops every module it does not
    // use (and their dependencies) instead of shipping the whole library.
    entry: ["src/**/*.ts", "!src/cli/**"],
    format: ["esm"],
    bundle: false,
    target: "es2022",
    platform: "neutral",
    dts: { ...dts, entry: { index: "src/index.ts" } },
    sourcemap: true,
    clean: false,
  },
  {
    entry: { index: "src/index.ts" },
    format: ["cjs"],
    target: "es2022",
    platform: "neutral",
    dts,
    sourcemap: true,
    clean: false,
    splitting: false,
  },
]);
