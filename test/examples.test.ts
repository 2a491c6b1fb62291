// Every @example in the TSDoc of src/ runs here, and what it prints must equal the `// =>` lines it shows.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { format } from "node:util";
import { describe, expect, it } from "vitest";
import * as charts from "../src/charts/index.js";
import * as cx from "../src/index.js";
import * as cxSql from "../src/sql/index.js";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "cli" ? [] : sourceFiles(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

interface Example {
  file: string;
  line: number;
  code: string;
  expected: string[];
}

function examplesOf(file: string): Example[] {
  const text = readFileSync(file, "utf8");
  const found: Example[] = [];
  const block = /@example\s*\n((?:\s*\*.*\n)*?)\s*\*\s*```ts\n((?:\s*\*.*\n)*?)\s*\*\s*```/g;
  for (const match of text.matchAll(block)) {
    const code = match[2]!
      .split("\n")
      .map((l) => l.replace(/^\s*\* ?/, ""))
      .join("\n");
    const expected = code
      .split("\n")
      .filter((l) => l.trimStart().startsWith("// =>"))
      .map((l) => l.trimStart().slice("// =>".length).trim());
    found.push({ file: relative(process.cwd(), file), line: text.slice(0, match.index).split("\n").length, code, expected });
  }
  return found;
}

const examples = sourceFiles("src").flatMap(examplesOf);
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
  ...args: string[]
) => (...args: unknown[]) => Promise<void>;

describe("TSDoc examples", () => {
  it("finds examples to run", () => {
    expect(examples.length).toBeGreaterThan(3);
  });

  it.each(examples.map((e) => [`${e.file}:${e.line}`, e] as const))("%s prints what it shows", async (_name, example) => {
    const body = example.code
      .replace(/import\s*\{([^}]*)\}\s*from\s*["']cx-metrics["'];?/g, "const {$1} = __cx;")
      .replace(/import\s*\{([^}]*)\}\s*from\s*["']cx-metrics\/charts["'];?/g, "const {$1} = __charts;")
      .replace(/import\s*\{([^}]*)\}\s*from\s*["']cx-metrics\/sql["'];?/g, "const {$1} = __cxSql;");
    expect(body).not.toMatch(/\bimport\b/);
    const printed: string[] = [];
    const fakeConsole = { log: (...args: unknown[]) => printed.push(format(...args)) };
    await new AsyncFunction("__cx", "__charts", "__cxSql", "console", body)(cx, charts, cxSql, fakeConsole);
    expect(example.expected.length).toBeGreaterThan(0);
    expect(printed).toEqual(example.expected);
  });
});
