// The schema suites (and the proof that the business readers agree with the schemas) with "zod" (and its subpaths) resolved to the folder CX_ZOD_DIR names: .ci/zod-lowest.sh.
import { defineConfig } from "vitest/config";

const dir = process.env.CX_ZOD_DIR;
if (dir === undefined) throw new Error("CX_ZOD_DIR must name the zod folder to test against");

export default defineConfig({
  resolve: { alias: [{ find: /^zod(\/.*)?$/, replacement: `${dir}$1` }] },
  test: {
    include: ["test/schemas/schemas.test.ts", "test/schemas/business.prop.test.ts"],
    setupFiles: ["test/setup.ts"],
    server: { deps: { inline: [/zod/] } },
  },
});
