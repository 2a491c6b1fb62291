import { spawnSync } from "node:child_process";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { CLI, ensureBuilt, runInProcess } from "./helpers.js";

// Whatever the input, the command line ends within its time bound with exit code 0 (a result) or 2 (bad input, a
// limit), never 1 (a bug), and prints nothing on stdout when it exits with 2. Light here; many more cases under CI=true.

const CI = process.env.CI === "true";
const RUNS = CI ? 1500 : 120;
const SPAWNED = CI ? 40 : 6;
const TIME_BOUND_MS = 5000;

const csvPiece = fc.constantFrom("nps", "c", "10", "9", "0", "7", "a", "é", '"', '""', ",", "\r", "\n", "\r\n", "\uFEFF", "\u0000", " ", "-1", "1e3", "x");
const csvText = fc.array(csvPiece, { maxLength: 120 }).map((pieces) => `nps,c\n${pieces.join("")}`);
const jsonValue = fc.oneof(fc.integer({ min: -2, max: 12 }), fc.string({ maxLength: 4 }), fc.constant(null), fc.double(), fc.boolean());
const ndjsonLine = fc.oneof(
  fc.record({ nps: jsonValue, c: jsonValue }, { requiredKeys: [] }).map((o) => JSON.stringify(o)),
  fc.string({ maxLength: 12 }),
  fc.constant(""),
);
const ndjsonText = fc.array(ndjsonLine, { maxLength: 40 }).map((lines) => lines.join(fc.sample(fc.constantFrom("\n", "\r\n"), 1)[0]));
const options = fc.subarray(["--skip-invalid", "--by=c", "--format=csv", "--format=table", "--weight-column=c", "--period=month", "--date-column=c"]);

const input = fc.oneof(
  fc.record({ format: fc.constant("csv"), bytes: fc.uint8Array({ maxLength: 400 }) }),
  fc.record({ format: fc.constant("csv"), bytes: csvText.map((t) => Buffer.from(t)) }),
  fc.record({ format: fc.constant("ndjson"), bytes: ndjsonText.map((t) => Buffer.from(t)) }),
  fc.record({ format: fc.constant("json"), bytes: fc.array(ndjsonLine, { maxLength: 10 }).map((l) => Buffer.from(`[${l.join(",")}]`)) }),
);

function holds(out: { status: number | null; stdout: string }): boolean {
  return out.status === 0 || (out.status === 2 && out.stdout === "");
}

describe("the command line on random input", () => {
  beforeAll(() => ensureBuilt(), 180_000);

  it("exits with 0 or 2, never 1, within its time bound, silent on stdout when it refuses", async () => {
    await fc.assert(
      fc.asyncProperty(input, options, async ({ format, bytes }, extra) => {
        let timer: NodeJS.Timeout | undefined;
        const bound = new Promise<"timeout">((resolve) => {
          timer = setTimeout(() => resolve("timeout"), TIME_BOUND_MS);
        });
        const out = await Promise.race([runInProcess(["nps", "-", "--column", "nps", "--input", format, ...extra], bytes), bound]);
        clearTimeout(timer);
        expect(out).not.toBe("timeout");
        if (out === "timeout") return;
        if (!holds(out)) throw new Error(`exit ${out.status}: ${out.stderr}\nstdout: ${out.stdout}`);
      }),
      { numRuns: RUNS },
    );
  }, 300_000);

  it("the built program does the same in its own process", () => {
    const samples = fc.sample(fc.tuple(input, options), { numRuns: SPAWNED });
    for (const [{ format, bytes }, extra] of samples) {
      const out = spawnSync(process.execPath, [CLI, "nps", "-", "--column", "nps", "--input", format, ...extra], {
        input: bytes,
        encoding: "utf8",
        timeout: 20_000,
      });
      expect(out.signal).toBeNull();
      if (!holds(out)) throw new Error(`exit ${out.status}: ${out.stderr}`);
    }
  }, 300_000);
});
