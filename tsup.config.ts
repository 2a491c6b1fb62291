import { defineConfig } from "tsup";

export default defineConfig([
  {
    entry: { index: "src/index.ts" },
    format: ["esm", "cjs"],
    target: "es2022",
    platform: "neutral",
    dts: { compilerOptions: { ignoreDeprecations: "6.0" } },
    sourcemap: true,
    clean: true,
    treeshake: true,
    splitting: false,
  },
  {
    // The command-line program: one self-contained ESM file (csv-parse bundled in, so zod and decimal.js stay the
    // package's only runtime dependencies). It never runs `clean`, which belongs to the library build above.
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
