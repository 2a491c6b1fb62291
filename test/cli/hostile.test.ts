import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI, ensureBuilt, runInProcess } from "./helpers.js";

const dir = mkdtempSync(join(tmpdir(), "cx-metrics-hostile-"));
beforeAll(() => ensureBuilt(), 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The control characters in a text, line breaks aside. */
function controls(text: string): number[] {
  return [...text].map((c) => c.charCodeAt(0)).filter((code) => code !== 10 && (code < 0x20 || (code >= 0x7f && code <= 0x9f)));
}

const NPS = ["nps", "-", "--column", "nps", "--format", "json"];

/** One line on stderr, nothing on stdout, exit code 2. */
function refused(out: { status: number | null; stdout: string; stderr: string }): string {
  expect(out.status).toBe(2);
  expect(out.stdout).toBe("");
  expect(out.stderr.trimEnd().split("\n")).toHaveLength(1);
  return out.stderr;
}

describe("the command line never crashes: limits end the run with exit code 2", () => {
  it("a record longer than --max-record-bytes is refused with its line, in CSV and NDJSON", async () => {
    const long = `nps,c\n10,a\n9,${"x".repeat(3000)}\n`;
    expect(refused(await runInProcess([...NPS, "--max-record-bytes", "1KiB"], long))).toBe(
      "cx-metrics: standard input, line 3: the record is longer than 1024 bytes (--max-record-bytes raises the limit)\n",
    );
    expect((await runInProcess([...NPS, "--max-record-bytes", "4KiB"], long)).status).toBe(0);
    const ndjson = `{"nps":10}\n{"nps":9,"c":"${"x".repeat(3000)}"}\n`;
    expect(refused(await runInProcess([...NPS, "--input", "ndjson", "--max-record-bytes", "1000"], ndjson))).toBe(
      "cx-metrics: standard input, line 2: the line is longer than 1000 bytes (--max-record-bytes raises the limit)\n",
    );
  });

  it("an endless line (/dev/zero) stops at the default limit of 64 MiB", () => {
    const out = spawnSync(process.execPath, [CLI, "nps", "/dev/zero", "--input", "ndjson", "--column", "nps"], { encoding: "utf8", timeout: 60_000 });
    expect(refused({ status: out.status, stdout: out.stdout, stderr: out.stderr })).toContain("longer than 67108864 bytes");
    const csv = spawnSync(process.execPath, [CLI, "nps", "/dev/zero", "--column", "nps"], { encoding: "utf8", timeout: 60_000 });
    expect(refused({ status: csv.status, stdout: csv.stdout, stderr: csv.stderr })).toContain("longer than 64 MiB");
  }, 120_000);

  it("a gzip file that expands to one huge line, or past --max-decompressed-bytes, is refused early", () => {
    const bomb = join(dir, "bomb.csv.gz");
    writeFileSync(bomb, gzipSync(Buffer.concat([Buffer.from("nps\n"), Buffer.alloc(64 * 1024 * 1024, 0x41)])));
    const one = spawnSync(process.execPath, [CLI, "nps", bomb, "--column", "nps", "--max-record-bytes", "1MiB"], { encoding: "utf8" });
    expect(refused({ status: one.status, stdout: one.stdout, stderr: one.stderr })).toContain("line 2: the record is longer than 1 MiB");
    const lines = join(dir, "lines.csv.gz");
    writeFileSync(lines, gzipSync(Buffer.from(`nps\n${"7\n".repeat(1_000_000)}`)));
    const many = spawnSync(process.execPath, [CLI, "nps", lines, "--column", "nps", "--max-decompressed-bytes", "1MiB"], { encoding: "utf8" });
    expect(refused({ status: many.status, stdout: many.stdout, stderr: many.stderr })).toBe(
      `cx-metrics: ${lines} expands to more than 1048576 bytes (--max-decompressed-bytes raises the limit)\n`,
    );
  }, 60_000);

  it("more groups than --max-groups is refused with the count, before they are all held", async () => {
    const rows = Array.from({ length: 300 }, (_, i) => `${i % 11},s${i}`).join("\n");
    expect(refused(await runInProcess([...NPS, "--by", "c", "--max-groups", "100"], `nps,c\n${rows}\n`))).toBe(
      "cx-metrics: standard input, line 102: more than 100 groups (--max-groups raises the limit; each group holds its own totals)\n",
    );
    expect((await runInProcess([...NPS, "--by", "c", "--max-groups", "300"], `nps,c\n${rows}\n`)).status).toBe(0);
  });

  describe("metrics that keep every row stop at --max-rows, counted over all groups, before the next row is held", () => {
    const tickets = (n: number) => `created,ended,g\n${"2026-01-05T09:00:00Z,2026-01-05T10:00:00Z,a\n2026-01-05T09:00:00Z,,b\n".repeat(n / 2)}`;
    const subscriptions = (n: number) => `customer,start,end,g\n${Array.from({ length: n }, (_, i) => `c${i},2025-12-0${1 + (i % 9)}T00:00:00Z,,${i % 2 ? "a" : "b"}`).join("\n")}\n`;
    const orders = (n: number) => `customer,at,amount,g\n${Array.from({ length: n }, (_, i) => `c${i % 7},2026-01-0${1 + (i % 9)}T00:00:00Z,9.50,${i % 2 ? "a" : "b"}`).join("\n")}\n`;
    const SUBSCRIPTION = ["--customer-column", "customer", "--start-column", "start", "--end-column", "end"];
    const cases: Array<[string, string[], (n: number) => string]> = [
      ["first-response-time", ["--created-column", "created", "--responded-column", "ended"], tickets],
      ["resolution-time", ["--created-column", "created", "--resolved-column", "ended"], tickets],
      ["churn", [...SUBSCRIPTION, "--period-start", "2026-01-01", "--period-end", "2026-02-01"], subscriptions],
      ["cohorts", [...SUBSCRIPTION, "--as-of", "2026-03-01"], subscriptions],
      ["clv", ["--customer-column", "customer", "--date-column", "at", "--amount-column", "amount"], orders],
    ];

    it.each(cases)("%s: 41 rows over two groups with --max-rows 40 end at line 42 naming 40; 40 rows pass", async (metric, args, data) => {
      const run = (n: number, limit: string) => runInProcess([metric, "-", ...args, "--by", "g", "--max-rows", limit, "--format", "json"], data(n));
      expect(refused(await run(42, "40"))).toBe(
        `cx-metrics: standard input, line 42: more than 40 rows to keep in memory (--max-rows raises the limit; this metric keeps every row)\n`,
      );
      expect((await run(40, "40")).status).toBe(0);
    });

    it("the limit does not apply to sketched response times, and survey metrics, which keep sums, do not take it", async () => {
      const sketched = await runInProcess(
        ["first-response-time", "-", "--created-column", "created", "--responded-column", "ended", "--sketch", "0.01", "--max-rows", "10", "--format", "json"],
        tickets(100),
      );
      expect(sketched.status).toBe(0);
      const survey = await runInProcess([...NPS, "--max-rows", "10"], "nps\n10\n");
      expect(survey.status).toBe(2);
      expect(survey.stderr.split("\n")[0]).toBe("cx-metrics: unknown option --max-rows for nps");
    });

    it("refuses a --max-rows that is not a count from 1 to 1e9, and documents the default of 5000000", async () => {
      for (const bad of ["0", "-1", "1.5", "x", "1000000001"]) {
        const out = await runInProcess(["clv", "-", ...cases[4]![1], "--max-rows", bad], orders(2));
        expect(out.status).toBe(2);
        expect(out.stderr).toContain("--max-rows");
      }
      expect((await runInProcess(["churn", "--help"])).stdout).toMatch(/--max-rows N .*default: 5000000/);
      expect((await runInProcess(["--help"])).stdout).toMatch(/--max-rows N .*\(first-response-time, resolution-time, churn, cohorts, clv only;/);
    });
  });

  it("a table of 150,000 groups is drawn (widths found without spreading into Math.max)", async () => {
    const rows = Array.from({ length: 150_000 }, (_, i) => `${i % 11},segment-${i}`).join("\n");
    const out = await runInProcess(["nps", "-", "--column", "nps", "--by", "c", "--max-groups", "150000", "--format", "table"], `nps,c\n${rows}\n`);
    expect(out.status).toBe(0);
    expect(out.stdout.split("\n")).toHaveLength(150_002);
  }, 60_000);

  it("a full disk (ENOSPC) is exit code 2 with one line, not a stack trace", () => {
    const out = spawnSync("sh", ["-c", `"${process.execPath}" "${CLI}" nps - --column nps --format json > /dev/full`], {
      input: "nps\n10\n",
      encoding: "utf8",
    });
    expect(out.status).toBe(2);
    expect(out.stderr).toBe("cx-metrics: cannot write to standard output: no space left on the device (ENOSPC)\n");
  });

  it("a reader that closes the pipe early (EPIPE) is exit code 2 with one line", () => {
    const input = join(dir, "many.csv");
    writeFileSync(input, `nps,c\n${Array.from({ length: 50_000 }, (_, i) => `${i % 11},s${i}`).join("\n")}\n`);
    const out = spawnSync(
      "bash",
      ["-c", `"${process.execPath}" "${CLI}" nps "${input}" --column nps --by c --format json | head -c 10 > /dev/null; echo "exit \${PIPESTATUS[0]}" >&2`],
      { encoding: "utf8" },
    );
    expect(out.stderr).toBe("cx-metrics: cannot write to standard output: the reader closed the pipe (EPIPE)\nexit 2\n");
  }, 60_000);
});

describe("no silently wrong answer", () => {
  it("mixed line endings end records wherever they occur", async () => {
    const mixed = await runInProcess([...NPS, "--skip-invalid"], "nps,c\r\n10,a\n9\r\n");
    expect(JSON.parse(mixed.stdout)).toMatchObject({ total: 1 });
    expect(mixed.stderr).toBe("cx-metrics: skipped 1 invalid row (line 3)\n");
    const segments = await runInProcess([...NPS, "--by", "c"], "nps,c\n10,a\r\n9,a\n");
    expect(JSON.parse(segments.stdout)).toEqual([{ key: "a", result: expect.objectContaining({ total: 2 }) }]);
    // A lone CR (old Mac files) ends a line too.
    expect(JSON.parse((await runInProcess(NPS, "nps\r10\r9\r")).stdout)).toMatchObject({ total: 2 });
  });

  it("local dates in years 0000-0099 stay in those years", async () => {
    const out = await runInProcess([...NPS, "--period", "year", "--date-column", "at"], "at,nps\n0050-06-01 12:00,10\n0000-01-01,9\n1950-01-01,3\n");
    expect(JSON.parse(out.stdout).map((e: { key: string }) => e.key)).toEqual(["0000", "0050", "1950"]);
  });

  it("malformed UTF-8 is refused with its line, or read with U+FFFD when asked", async () => {
    const input = Buffer.concat([Buffer.from("nps,c\n10,caf"), Buffer.from([0xe9]), Buffer.from("\n9,caf"), Buffer.from([0xff]), Buffer.from("\n")]);
    expect(refused(await runInProcess([...NPS, "--by", "c"], input))).toBe(
      'cx-metrics: standard input, line 2: column "c" is "caf\\xe9", which is not UTF-8 text (--invalid-utf8 replace reads it with U+FFFD)\n',
    );
    const replaced = await runInProcess([...NPS, "--by", "c", "--invalid-utf8", "replace"], input);
    expect(JSON.parse(replaced.stdout)).toEqual([{ key: "caf\ufffd", result: expect.objectContaining({ total: 2 }) }]);
    const skipped = await runInProcess([...NPS, "--by", "c", "--skip-invalid"], Buffer.concat([input, Buffer.from("8,ok\n")]));
    expect(JSON.parse(skipped.stdout)).toEqual([{ key: "ok", result: expect.objectContaining({ total: 1 }) }]);
    expect(skipped.stderr).toBe("cx-metrics: skipped 2 invalid rows (lines 2, 3)\n");
  });

  it.each(["0x9", "0b1010", "0o12", "Infinity", "1_0", "9e", ".", "+-9"])("only decimal numbers are numbers: %s is refused", async (cell) => {
    expect(refused(await runInProcess(NPS, `nps\n${cell}\n`))).toBe(`cx-metrics: standard input, line 2: column "nps" is "${cell}", expected a decimal number\n`);
  });

  it("a column named twice in the header is refused, naming both positions", async () => {
    expect(refused(await runInProcess(NPS, "nps,c,nps\n10,a,3\n"))).toBe(
      'cx-metrics: column "nps" (--column) is named twice in the header of standard input: columns 1 and 3\n',
    );
  });

  const FRT = ["first-response-time", "-", "--created-column", "c", "--responded-column", "r", "--unit", "seconds", "--format", "json"];

  it("numeric timestamps need --epoch-unit unless they can only be milliseconds", async () => {
    const seconds = "c,r\n1774200828,1774200888\n";
    expect(refused(await runInProcess(FRT, seconds))).toBe(
      'cx-metrics: standard input, line 2: column "c" is "1774200828", a number that could be epoch seconds or milliseconds: say which with --epoch-unit s or --epoch-unit ms\n',
    );
    expect(JSON.parse((await runInProcess([...FRT, "--epoch-unit", "s"], seconds)).stdout)).toMatchObject({ mean: 60 });
    expect(JSON.parse((await runInProcess(FRT, "c,r\n1774200828000,1774200888000\n")).stdout)).toMatchObject({ mean: 60 });
    expect(JSON.parse((await runInProcess([...FRT, "--epoch-unit", "ms"], "c,r\n0,60000\n")).stdout)).toMatchObject({ mean: 60 });
  });

  it("reads the date shapes exports write: a spaced offset, local time, microseconds", async () => {
    const input = "c,r\n2026-03-22 17:33:48 -0500,2026-03-22T22:34:48Z\n2026-03-22 17:33:48,2026-03-22T17:33:49.123456Z\n";
    const ms = ["first-response-time", "-", "--created-column", "c", "--responded-column", "r", "--unit", "milliseconds", "--format", "json"];
    expect(JSON.parse((await runInProcess(ms, input)).stdout)).toMatchObject({
      min: 1123,
      max: 60_000,
    });
  });
});

describe("messages name the place", () => {
  it("a weight of 1e200 on line 3 is named, and --skip-invalid skips it", async () => {
    const input = "nps,w\n10,1\n9,1e200\n3,2\n";
    expect(refused(await runInProcess([...NPS, "--weight-column", "w"], input))).toBe(
      'cx-metrics: standard input, line 3: column "w" is "1e200", outside 0-1000000000000000\n',
    );
    const skipped = await runInProcess([...NPS, "--weight-column", "w", "--skip-invalid"], input);
    expect(JSON.parse(skipped.stdout)).toMatchObject({ total: 3 });
    expect(skipped.stderr).toBe("cx-metrics: skipped 1 invalid row (line 3)\n");
  });

  it("an unclosed quote names the line and column where its field starts", async () => {
    expect(refused(await runInProcess(NPS, 'nps,c\n10,a\n9,"never\nclosed\n'))).toBe(
      "cx-metrics: standard input, line 3, column 3: a quoted field starts here and is never closed (the input ends inside it)\n",
    );
  });

  it("a stray quote in an unquoted field is an invalid row that --skip-invalid skips", async () => {
    const input = 'nps,c\n10,a"b\n9,x\n';
    expect(refused(await runInProcess(NPS, input))).toBe(
      "cx-metrics: standard input, line 2: a quote inside an unquoted field (field 2, column 5); quote the whole field and double the quote\n",
    );
    const skipped = await runInProcess([...NPS, "--skip-invalid"], input);
    expect(JSON.parse(skipped.stdout)).toMatchObject({ total: 1 });
    expect(refused(await runInProcess(NPS, 'nps,c\n10,"a"b\n'))).toContain("line 2: text after the closing quote of field 2 (column 7)");
  });

  it("line numbers stay right in an LF file with one CRLF row and a quoted line break", async () => {
    expect(refused(await runInProcess(NPS, 'nps,c\n10,a\r\n9,"two\nlines"\n8,b\n11,c\n'))).toBe(
      'cx-metrics: standard input, line 6: column "nps" is "11", outside 0-10\n',
    );
  });

  it("skipped elements of a JSON array are named by their index", async () => {
    const input = '[{"nps": 10},\n{"nps": 11}, {"nps": 9},\n "x", {"nps": 12}]';
    const out = await runInProcess([...NPS, "--input", "json", "--skip-invalid"], input);
    expect(JSON.parse(out.stdout)).toMatchObject({ total: 2 });
    expect(out.stderr).toBe("cx-metrics: skipped 3 invalid rows (elements [1], [3], [4])\n");
  });
});

describe("output is safe to open", () => {
  it("--format csv neutralises formula cells; numbers stay numbers", async () => {
    const out = await runInProcess(["nps", "-", "--column", "nps", "--by", "c", "--format", "csv"], 'nps,c\n10,=1+2\n9,-5\n3,@x\n4,"+cmd"\n5,"\tx"\n');
    const keys = out.stdout.trimEnd().split("\n").slice(1).map((line) => line.split(",")[0]);
    expect(keys).toEqual(["'=1+2", "-5", "'@x", "'+cmd", "'\tx"]);
    expect(out.stdout.split("\n")[1]).toMatch(/^'=1\+2,nps,100,/);
  });

  it("tables and messages escape control characters and terminal escapes from the data", async () => {
    const table = await runInProcess(["nps", "-", "--column", "nps", "--by", "c", "--format", "table"], "nps,c\n10,\u001b[31mred\u009b2J\n");
    expect(controls(table.stdout)).toEqual([]);
    expect(table.stdout).toContain("\\x1b[31mred\\x9b2J");
    const message = await runInProcess(NPS, "nps\n\u001b]0;pwned\u0007\n");
    expect(controls(message.stderr)).toEqual([]);
    expect(refused(message)).toContain("\\x1b]0;pwned\\x07");
  });

  it("a message about a 100,000-column header is cut with a count", async () => {
    const header = Array.from({ length: 100_000 }, (_, i) => `col${i}`).join(",");
    const out = refused(await runInProcess(NPS, `${header}\n`));
    expect(out.length).toBeLessThan(400);
    expect(out).toContain('"col9" and 99990 more');
  });
});
