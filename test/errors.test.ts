// One error class across module systems: the CommonJS and the ES module builds each define CxMetricsError, and an
// error thrown by either is an instance of both. Both formats are built from the sources here with esbuild (the same
// transform the package build uses), so the test needs no prior build; scripts/check-package.mjs checks dist itself.
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { buildSync } from "esbuild";
import { afterAll, describe, expect, it } from "vitest";
import * as cx from "../src/index.js";
import { CxMetricsError, isCxMetricsError, nps } from "../src/index.js";
import { errorOf } from "./helpers/errors.js";

type Build = typeof cx;

const dir = mkdtempSync(join(tmpdir(), "cx-errors-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function bundle(format: "cjs" | "esm"): string {
  const outfile = join(dir, format === "cjs" ? "index.cjs" : "index.mjs");
  buildSync({ entryPoints: ["src/index.ts"], bundle: true, format, platform: "neutral", target: "es2022", outfile, logLevel: "silent" });
  return outfile;
}

const cjs = createRequire(import.meta.url)(bundle("cjs")) as Build;
const esm = (await import(pathToFileURL(bundle("esm")).href)) as Build;

function thrownBy(build: Build): unknown {
  try {
    build.nps([11]);
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}

describe("CxMetricsError across builds", () => {
  it("the two builds really are two classes", () => {
    expect(cjs.CxMetricsError).not.toBe(esm.CxMetricsError);
  });

  it.each([
    ["CommonJS", "ES module", cjs, esm],
    ["ES module", "CommonJS", esm, cjs],
    ["CommonJS", "source", cjs, cx],
    ["source", "ES module", cx, esm],
  ] as const)("an error thrown by the %s build is instanceof the %s build's class", (_from, _to, from, to) => {
    const error = thrownBy(from);
    expect(error instanceof to.CxMetricsError).toBe(true);
    expect(to.isCxMetricsError(error)).toBe(true);
    expect((error as CxMetricsError).code).toBe("OUT_OF_RANGE");
  });

  it("other errors and look-alikes are not CxMetricsErrors", () => {
    const lookAlike = Object.assign(new Error("nps: x"), { name: "CxMetricsError", code: "INVALID_INPUT", metric: "nps", issues: [] });
    for (const value of [new Error("x"), lookAlike, { code: "INVALID_INPUT" }, null, undefined, 1, "CxMetricsError"]) {
      expect(isCxMetricsError(value)).toBe(false);
      expect(value instanceof CxMetricsError).toBe(false);
      expect(value instanceof esm.CxMetricsError).toBe(false);
    }
  });

  it("a hostile proxy is not a CxMetricsError, and asking does not throw", () => {
    const hostile = new Proxy({}, { get: () => { throw new Error("trap"); }, getPrototypeOf: () => { throw new Error("trap"); } });
    expect(isCxMetricsError(hostile)).toBe(false);
    expect(hostile instanceof CxMetricsError).toBe(false);
  });

  it("the brand is not enumerable: the error serialises as before", () => {
    const e = errorOf(() => nps([11]));
    expect(Object.keys(e)).toEqual(["name", "code", "metric", "issues"]);
    expect(Object.getOwnPropertySymbols(e)).toEqual([]);
    expect(JSON.parse(JSON.stringify(e))).toEqual({ name: "CxMetricsError", code: "OUT_OF_RANGE", metric: "nps", issues: e.issues.map((i) => ({ ...i })) });
  });
});

describe("a CxMetricsError that wraps an error keeps it as its cause", () => {
  it("a getter that throws in the input", () => {
    const boom = new Error("locked");
    const e = errorOf(() => nps({ get length(): number { throw boom; } } as never));
    expect(e.code).toBe("INVALID_INPUT");
    expect(e.cause).toBe(boom);
  });

  it("options that cannot be read by a schema", () => {
    const boom = new Error("locked");
    const options = new Proxy({}, { ownKeys: () => { throw boom; }, get: () => { throw boom; } });
    const e = errorOf(() => cx.cohortRetention([], options as never));
    expect(e.cause).toBe(boom);
  });

  it("errors made for bad values have no cause", () => {
    expect("cause" in errorOf(() => nps([11]))).toBe(false);
  });
});
