import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { cli, ensureBuilt, FIXTURES, json, ROOT } from "./helpers.js";

// Expected values are worked out by hand from the fixtures (documents: nps, csat, ces):
// survey.csv answers nps 10, 9, 8, 7, 6, 3, 10, 0, 9 and one empty cell: 4 promoters, 2 passives, 3 detractors.

beforeAll(ensureBuilt, 180_000);

describe("cx-metrics survey metrics over CSV", () => {
  it("nps prints the result object as JSON when stdout is not a terminal, and notes the row without a score", () => {
    const out = cli(["nps", "survey.csv", "--column", "nps"]);
    expect(out.status).toBe(0);
    expect(json(out)).toMatchObject({ metric: "nps", total: 9, promoters: 4, passives: 2, detractors: 3 });
    expect((json(out) as { score: number }).score).toBeCloseTo(100 / 9, 12);
    expect(out.stderr).toBe('cx-metrics: left out 1 row without a score in "nps"\n');
  });

  it("--decimals rounds the score and percents once, half away from zero", () => {
    const out = cli(["nps", "survey.csv", "--column", "nps", "--decimals", "1"]);
    expect(json(out)).toMatchObject({ score: 11.1, promoterPercent: 44.4, passivePercent: 22.2, detractorPercent: 33.3 });
  });

  it("reads quoted fields with embedded commas, doubled quotes and line breaks as one field; segments keep their order of appearance", () => {
    const out = cli(["nps", "survey.csv", "--column", "nps", "--by", "channel", "--format", "json", "--quiet"]);
    expect(out.stderr).toBe("");
    expect(json(out)).toEqual([
      { key: "email", result: expect.objectContaining({ score: 60, total: 5, promoters: 4, detractors: 1 }) },
      { key: "chat, web", result: expect.objectContaining({ score: -50, total: 4, promoters: 0, detractors: 2 }) },
    ]);
  });

  it("--period month with --date-column gives a time series keyed by the period label", () => {
    const out = cli(["nps", "survey.csv", "--column", "nps", "--period", "month", "--date-column", "submittedAt"]);
    expect(json(out)).toEqual([
      { key: "2026-10", result: expect.objectContaining({ score: 50, total: 4 }) },
      { key: "2026-11", result: expect.objectContaining({ score: -20, total: 5 }) },
    ]);
  });

  it("--by with --period keys each entry by segment and period", () => {
    const out = cli(["nps", "survey.csv", "--column", "nps", "--by", "channel", "--period", "month", "--date-column", "submittedAt"]);
    const entries = json(out) as Array<{ key: string; period: string; result: { total: number; score: number } }>;
    expect(entries.map((e) => [e.key, e.period, e.result.total, e.result.score])).toEqual([
      ["email", "2026-10", 2, 100],
      ["email", "2026-11", 3, 33.333333333333336],
      ["chat, web", "2026-10", 2, 0],
      ["chat, web", "2026-11", 2, -100],
    ]);
  });

  it("--weight-column weighs rows, an empty weight counting as 1", () => {
    // weights 1, 2, 1, (1), 1, 1, 1, 1, 1: promoters 1 + 2 + 1 + 1 = 5, detractors 3, total 10.
    const out = cli(["nps", "survey.csv", "--column", "nps", "--weight-column", "weight"]);
    expect(json(out)).toMatchObject({ score: 20, total: 10, promoters: 5, detractors: 3 });
  });

  it("csat counts 4-5 as satisfied on the default 1-5 scale", () => {
    const out = cli(["csat", "survey.csv", "--column", "csat"]);
    expect(out.status).toBe(0);
    expect(json(out)).toMatchObject({ metric: "csat", score: 50, satisfied: 5, total: 10, mean: 3.3, scale: [1, 5] });
  });

  it("csat --satisfied-from 3 moves the threshold", () => {
    expect(json(cli(["csat", "survey.csv", "--column", "csat", "--satisfied-from", "3"]))).toMatchObject({ score: 70, satisfied: 7 });
  });

  it("ces --lower-is-easier counts ratings at or below 2 on 1-5", () => {
    expect(json(cli(["ces", "survey.csv", "--column", "csat", "--lower-is-easier"]))).toMatchObject({ metric: "ces", score: 30, agree: 3 });
  });

  it("csat --scale 1-3 refuses a 5 with the line number", () => {
    const out = cli(["csat", "survey.csv", "--column", "csat", "--scale", "1-3"]);
    expect(out.status).toBe(2);
    expect(out.stderr).toBe('cx-metrics: survey.csv, line 2: column "csat" is "5", outside 1-3\n');
  });

  it("--format csv prints a header and one row per group, quoting keys that need it and flattening the interval", () => {
    const args = ["nps", "survey.csv", "--column", "nps", "--by", "channel", "--decimals", "2"];
    const [header, ...rows] = cli([...args, "--format", "csv"]).stdout.trimEnd().split("\n");
    expect(header).toBe(
      "key,metric,score,total,promoters,passives,detractors,promoterPercent,passivePercent,detractorPercent," +
        "standardError,marginOfError,confidenceInterval.lower,confidenceInterval.upper,confidenceInterval.level,smallSample",
    );
    const fromJson = (json(cli([...args, "--format", "json"])) as Array<{ result: Record<string, number> & { confidenceInterval: Record<string, number> } }>).map(
      ({ result: r }) => [r.standardError, r.marginOfError, r.confidenceInterval.lower, r.confidenceInterval.upper, r.confidenceInterval.level].join(","),
    );
    expect(rows).toEqual([`email,nps,60,5,4,0,1,80,0,20,${fromJson[0]},true`, `"chat, web",nps,-50,4,0,2,2,0,50,50,${fromJson[1]},true`]);
  });

  it("--format table aligns the columns and draws a bar for the score", () => {
    const out = cli(["nps", "survey.csv", "--column", "nps", "--by", "channel", "--format", "table", "--quiet"]);
    expect(out.stdout).toMatchInlineSnapshot(`
      "channel      NPS          95% CI  n                             promoters  passives  detractors  note
      email       60.0  [-10.1, 100.0]  5  ░░░░░░░░░░░░│███████░░░░░      80.0%      0.0%       20.0%  small sample
      chat, web  -50.0   [-99.0, -1.0]  4  ░░░░░░██████│░░░░░░░░░░░░       0.0%     50.0%       50.0%  small sample
      "
    `);
  });

  it("--format table notes the groups of fewer than 30 responses, and leaves the note out when none is", () => {
    // Group "big" has 30 answers, "small" 29; every answer is a 10.
    const input = `nps,g\n${"10,big\n".repeat(30)}${"10,small\n".repeat(29)}`;
    for (const metric of [["nps"], ["csat", "--scale", "0-10"], ["ces", "--scale", "0-10"]]) {
      const out = cli([...metric, "-", "--column", "nps", "--by", "g", "--format", "table", "--quiet"], { input });
      expect(out.status).toBe(0);
      const [header, big, small] = out.stdout.trimEnd().split("\n") as [string, string, string];
      expect(header).toMatch(/ note$/);
      expect(big).toMatch(/^big .* 30 /);
      expect(big).not.toContain("small sample");
      expect(small).toMatch(/^small .* 29 .* small sample$/);
      const groups = json(cli([...metric, "-", "--column", "nps", "--by", "g", "--format", "json", "--quiet"], { input })) as Array<{ result: { smallSample: boolean } }>;
      expect(groups.map((e) => e.result.smallSample)).toEqual([false, true]);
    }
    const large = cli(["nps", "-", "--column", "nps", "--format", "table", "--quiet"], { input: `nps\n${"9\n".repeat(30)}` });
    expect(large.stdout).not.toContain("note");
    expect(large.stdout).not.toContain("small sample");
  });

  it("--confidence sets the level of the interval (0.9 or 90), narrower than at 95%", () => {
    type WithInterval = { confidenceInterval: { lower: number; upper: number; level: number } };
    const args = ["csat", "survey.csv", "--column", "csat"];
    const at95 = (json(cli(args)) as WithInterval).confidenceInterval;
    const at90 = (json(cli([...args, "--confidence", "0.9"])) as WithInterval).confidenceInterval;
    expect(at95.level).toBe(0.95);
    expect(at90.level).toBe(0.9);
    expect(json(cli([...args, "--confidence", "90"]))).toEqual(json(cli([...args, "--confidence", "0.9"])));
    expect(at90.lower).toBeGreaterThan(at95.lower);
    expect(at90.upper).toBeLessThan(at95.upper);
    for (const bad of ["1", "1.5", "0", "100", "-0.9"]) {
      const run = cli([...args, "--confidence", bad]);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr).toContain("--confidence");
    }
  });

  it("--interval chooses the interval's method", () => {
    type WithInterval = { confidenceInterval: { lower: number; upper: number } };
    const args = ["csat", "survey.csv", "--column", "csat", "--satisfied-from", "3"];
    const wilson = (json(cli(args)) as WithInterval).confidenceInterval;
    const wald = (json(cli([...args, "--interval", "wald"])) as WithInterval).confidenceInterval;
    // Wald's interval is symmetric around the score (70%, within 0-100); Wilson's is not.
    expect(wald.lower + wald.upper).toBeCloseTo(140, 9);
    expect(wilson.lower + wilson.upper).not.toBeCloseTo(140, 3);
    expect(cli([...args, "--interval", "exact"]).stderr).toBe(
      'cx-metrics: --interval is "exact", expected wilson, wald\nRun \'cx-metrics csat --help\' for its options.\n',
    );
  });

  it("--delimiter reads other separators", () => {
    const out = cli(["nps", "semicolon.csv", "--column", "nps", "--delimiter", ";", "--by", "channel"]);
    expect(json(out)).toEqual([
      { key: "a;b", result: expect.objectContaining({ score: 100 }) },
      { key: "c", result: expect.objectContaining({ score: -100 }) },
    ]);
  });

  it("reads a BOM and CRLF line ends, and counts a CRLF inside quotes as one line", () => {
    const out = cli(["nps", "bom-crlf.csv", "--column", "nps"]);
    expect(json(out)).toMatchObject({ total: 3, promoters: 2, detractors: 1 });
    const bad = cli(["nps", "bom-crlf-bad.csv", "--column", "nps"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('cx-metrics: bom-crlf-bad.csv, line 5: column "nps" is "12", outside 0-10\n');
  });

  it("reads local dates in --input-time-zone, instants with offsets as they are, and reports periods in --time-zone", () => {
    const args = ["nps", "local-dates.csv", "--column", "nps", "--period", "month", "--date-column", "at"];
    expect(json(cli(args))).toEqual([{ key: "2026-10", result: expect.objectContaining({ total: 2, score: 0 }) }]);
    // 23:30 UTC on October 31st is already November in Paris.
    expect(json(cli([...args, "--time-zone", "Europe/Paris"]))).toEqual([
      { key: "2026-11", result: expect.objectContaining({ total: 2, score: 0 }) },
    ]);
    expect(json(cli([...args, "--time-zone", "Europe/Paris", "--input-time-zone", "Europe/Paris"]))).toEqual([
      { key: "2026-10", result: expect.objectContaining({ total: 1, score: 100 }) },
      { key: "2026-11", result: expect.objectContaining({ total: 1, score: -100 }) },
    ]);
  });
});

describe("cx-metrics over NDJSON, JSON and standard input", () => {
  const byChannel = [
    { key: "email", result: expect.objectContaining({ score: 100, total: 2 }) },
    { key: "chat", result: expect.objectContaining({ score: -100, total: 2 }) },
  ];

  it("reads NDJSON by its extension, skipping blank lines, numbers written as text and nulls as missing", () => {
    expect(json(cli(["nps", "survey.ndjson", "--column", "nps", "--by", "channel"]))).toEqual(byChannel);
  });

  it("reads a JSON array by its extension, an absent key as missing", () => {
    expect(json(cli(["nps", "survey.json", "--column", "nps", "--by", "channel"]))).toEqual(byChannel);
  });

  it("reads CSV from standard input with -", () => {
    const input = readFileSync(join(FIXTURES, "survey.csv"), "utf8");
    const out = cli(["nps", "-", "--column", "nps", "--by", "channel"], { input });
    expect(out.status).toBe(0);
    expect(json(out)).toEqual(json(cli(["nps", "survey.csv", "--column", "nps", "--by", "channel"])));
  });

  it("reads NDJSON from standard input with --input ndjson", () => {
    const input = readFileSync(join(FIXTURES, "survey.ndjson"), "utf8");
    expect(json(cli(["nps", "-", "--input", "ndjson", "--column", "nps", "--by", "channel"], { input }))).toEqual(byChannel);
  });

  it("reads a JSON array from standard input with --input json", () => {
    const input = readFileSync(join(FIXTURES, "survey.json"), "utf8");
    expect(json(cli(["nps", "-", "--input", "json", "--column", "nps", "--by", "channel"], { input }))).toEqual(byChannel);
  });

  it("reads tab-separated input with --delimiter tab", () => {
    const out = cli(["nps", "-", "--delimiter", "tab", "--column", "nps"], { input: "id\tnps\n1\t10\n2\t0\n3\t9\n" });
    expect(json(out)).toMatchObject({ total: 3, promoters: 2, detractors: 1 });
  });

  it("reads gzip-compressed input by its .gz extension, and tab-separated .tsv files", () => {
    expect(json(cli(["nps", "survey.ndjson.gz", "--column", "nps", "--by", "channel"]))).toEqual(byChannel);
    expect(json(cli(["nps", "survey.tsv", "--column", "nps", "--by", "channel"]))).toEqual([
      { key: "a, b", result: expect.objectContaining({ score: 100 }) },
      { key: "c", result: expect.objectContaining({ score: -100 }) },
    ]);
    expect(cli(["nps", "not-gzip.csv.gz", "--column", "nps"])).toEqual({
      status: 2,
      stdout: "",
      stderr: "cx-metrics: cannot read not-gzip.csv.gz: incorrect header check (not gzip data?)\n",
    });
  });

  it("keys rows with an empty segment cell by the empty string, shown as (empty) in tables", () => {
    const input = "channel,nps\n,9\nweb,3\n,10\n";
    const out = cli(["nps", "-", "--column", "nps", "--by", "channel"], { input });
    expect(json(out)).toEqual([
      { key: "", result: expect.objectContaining({ total: 2, score: 100 }) },
      { key: "web", result: expect.objectContaining({ total: 1, score: -100 }) },
    ]);
    const table = cli(["nps", "-", "--column", "nps", "--by", "channel", "--format", "table"], { input }).stdout;
    expect(table.split("\n")[1]).toMatch(/^\(empty\) +100\.0 /);
  });

  it("names standard input in errors", () => {
    const out = cli(["nps", "-", "--column", "nps"], { input: "nps\n5\nx\n" });
    expect(out.stderr).toBe('cx-metrics: standard input, line 3: column "nps" is "x", expected a decimal number\n');
  });
});

describe("cx-metrics on bad data", () => {
  it("stops at the first invalid row with exit code 2, naming line, column and value, and prints nothing on stdout", () => {
    const out = cli(["nps", "bad-rows.csv", "--column", "nps"]);
    expect(out).toEqual({ status: 2, stdout: "", stderr: 'cx-metrics: bad-rows.csv, line 3: column "nps" is "11", outside 0-10\n' });
  });

  it("--skip-invalid skips and counts invalid rows, naming their lines", () => {
    const out = cli(["nps", "bad-rows.csv", "--column", "nps", "--skip-invalid"]);
    expect(out.status).toBe(0);
    expect(json(out)).toMatchObject({ score: 100, total: 2 });
    expect(out.stderr).toBe("cx-metrics: skipped 4 invalid rows (lines 3, 4, 5, 6)\n");
  });

  it.each([
    [["--skip-invalid", "--quiet"], "cx-metrics: skipped 3 invalid rows (lines 4, 5, 6)\n"],
    [[], 'cx-metrics: bad-rows.csv, line 4: column "nps" is "abc", expected a decimal number\n'],
  ])("reports the first invalid row once the earlier ones are fixed, and skipped rows even with --quiet (%j)", (extra, stderr) => {
    const input = readFileSync(join(FIXTURES, "bad-rows.csv"), "utf8").replace("2,11", "2,1");
    const out = cli(["nps", "-", "--column", "nps", ...extra], { input });
    expect(out.stderr).toBe(stderr.replace("bad-rows.csv", "standard input"));
  });

  it("names non-integers and rows with the wrong number of fields", () => {
    const input = "id,nps\n1,7.5\n2,8,extra\n";
    expect(cli(["nps", "-", "--column", "nps"], { input }).stderr).toBe(
      'cx-metrics: standard input, line 2: column "nps" is "7.5", expected an integer\n',
    );
    expect(cli(["nps", "-", "--column", "nps"], { input: "id,nps\n2,8,extra\n" }).stderr).toBe(
      "cx-metrics: standard input, line 2: the record has 3 fields, the header has 2\n",
    );
  });

  it("names the line and element of a JSON array", () => {
    expect(cli(["nps", "bad.json", "--column", "nps"]).stderr).toBe(
      'cx-metrics: bad.json, line 3 (element [1]): column "nps" is 42, outside 0-10\n',
    );
  });

  it("treats an NDJSON line that is not an object as an invalid row", () => {
    const out = cli(["nps", "bad.ndjson", "--column", "nps"]);
    expect(out.status).toBe(2);
    expect(out.stderr).toMatch(/^cx-metrics: bad\.ndjson, line 2: the record is not valid JSON \(.+\)\n$/);
    const skipped = cli(["nps", "bad.ndjson", "--column", "nps", "--skip-invalid"]);
    expect(json(skipped)).toMatchObject({ total: 2, score: 0 });
    expect(skipped.stderr).toBe("cx-metrics: skipped 3 invalid rows (lines 2, 3, 4)\n");
  });

  it("shows the first five skipped lines and the count of all", () => {
    const input = `nps\n${Array.from({ length: 8 }, () => "x").join("\n")}\n9\n`;
    expect(cli(["nps", "-", "--column", "nps", "--skip-invalid"], { input }).stderr).toBe(
      "cx-metrics: skipped 8 invalid rows (lines 2, 3, 4, 5, 6, …)\n",
    );
  });

  it.each([
    ["empty.csv", "cx-metrics: empty.csv is empty: expected a header line naming the columns\n"],
    ["header-only.csv", "cx-metrics: header-only.csv: no result: it has no rows\n"],
    ["nope.csv", "cx-metrics: cannot read nope.csv: no such file\n"],
    [".", "cx-metrics: cannot read .: it is a directory\n"],
  ])("%s: exit code 2 with a clear message", (file, stderr) => {
    expect(cli(["nps", file, "--column", "nps"])).toEqual({ status: 2, stdout: "", stderr });
  });

  it("a missing column is exit code 2, listing the columns there are", () => {
    expect(cli(["nps", "survey.csv", "--column", "NPS"]).stderr).toBe(
      'cx-metrics: column "NPS" (--column) not found in survey.csv; its columns are "id", "channel", "comment", "submittedAt", "nps", "csat", "weight"\n',
    );
    expect(cli(["nps", "survey.csv", "--column", "nps", "--by", "region"]).status).toBe(2);
    expect(cli(["nps", "survey.json", "--column", "score"]).stderr).toBe(
      'cx-metrics: column "score" (--column) not found in survey.json: the first record (line 2) has keys "id", "channel", "nps", "csat"\n',
    );
    expect(cli(["nps", "survey.ndjson", "--column", "nps", "--weight-column", "w"]).stderr).toBe(
      'cx-metrics: column "w" (--weight-column) not found in any record of survey.ndjson\n',
    );
  });

  it("a file with no score at all has no result", () => {
    const out = cli(["nps", "-", "--column", "nps"], { input: "nps,x\n,1\n,2\n" });
    expect(out).toEqual({ status: 2, stdout: "", stderr: "cx-metrics: standard input: no result: no row has a value to compute from\n" });
  });
});

describe("cx-metrics command line", () => {
  const version = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;

  it("--version prints the package version", () => {
    expect(cli(["--version"])).toEqual({ status: 0, stdout: `${version}\n`, stderr: "" });
    expect(cli(["nps", "survey.csv", "--column", "nps", "--version"])).toEqual({ status: 0, stdout: `${version}\n`, stderr: "" });
  });

  it("--help lists every metric and every common option, with examples", () => {
    const out = cli(["--help"]);
    expect(out.status).toBe(0);
    for (const word of ["nps", "csat", "ces", "first-response-time", "resolution-time", "churn", "cohorts", "clv", "--by", "--period", "--date-column", "--time-zone", "--input", "--delimiter", "--format", "--decimals", "--confidence", "--skip-invalid", "--quiet", "--version", "Examples:"]) {
      expect(out.stdout).toContain(word);
    }
  });

  it.each([
    ["nps", ["--column", "--weight-column"]],
    ["csat", ["--column", "--scale", "--satisfied-from", "--weight-column"]],
    ["ces", ["--column", "--scale", "--agree-from", "--lower-is-easier", "--weight-column"]],
    ["first-response-time", ["--created-column", "--responded-column", "--unit", "--business-hours", "--sketch", "--period", "--date-column"]],
    ["resolution-time", ["--created-column", "--resolved-column", "--unit", "--business-hours"]],
    ["churn", ["--customer-column", "--start-column", "--end-column", "--period-start", "--period-end"]],
    ["cohorts", ["--customer-column", "--start-column", "--end-column", "--period", "--as-of"]],
    ["clv", ["--customer-column", "--amount-column", "--date-column", "--acquisition-cost"]],
  ])("%s --help documents its options and the common ones, with examples", (metric, own) => {
    const out = cli([metric, "--help"]);
    expect(out.status).toBe(0);
    for (const word of [...own, "--by", "--format", "--skip-invalid", "Examples:", `cx-metrics ${metric} `]) expect(out.stdout).toContain(word);
  });

  it.each([
    [["nps"], "cx-metrics: missing the input: a file path, or - for standard input\nRun 'cx-metrics nps --help' for its options.\n"],
    [["nope", "x.csv"], "cx-metrics: unknown metric \"nope\"; metrics: nps, csat, ces, first-response-time, resolution-time, churn, cohorts, clv\nRun 'cx-metrics --help' for usage.\n"],
    [["nps", "survey.csv"], "cx-metrics: --column is required: it names the column holding the answers\nRun 'cx-metrics nps --help' for its options.\n"],
    [["nps", "survey.csv", "--column", "nps", "--unit", "hours"], "cx-metrics: unknown option --unit for nps\nRun 'cx-metrics nps --help' for its options.\n"],
    [["nps", "survey.csv", "--column"], "cx-metrics: --column needs a value (NAME)\nRun 'cx-metrics nps --help' for its options.\n"],
    [["nps", "survey.csv", "--column", "nps", "--decimals", "16"], 'cx-metrics: --decimals is "16", expected an integer from 0 to 15\nRun \'cx-metrics nps --help\' for its options.\n'],
    [["nps", "survey.csv", "--column", "nps", "--format", "xml"], 'cx-metrics: --format is "xml", expected table, json, csv\nRun \'cx-metrics nps --help\' for its options.\n'],
    [["nps", "survey.csv", "--column", "nps", "--period", "month"], "cx-metrics: --period needs --date-column: the column holding each row's date\nRun 'cx-metrics nps --help' for its options.\n"],
    [["nps", "survey.csv", "--column", "nps", "--time-zone", "Mars/Olympus"], 'cx-metrics: --time-zone is "Mars/Olympus", expected an IANA time-zone name such as Europe/Paris\nRun \'cx-metrics nps --help\' for its options.\n'],
    [["nps", "a.csv", "b.csv", "--column", "nps"], 'cx-metrics: unexpected argument "b.csv" (one input at a time)\nRun \'cx-metrics nps --help\' for its options.\n'],
    [["csat", "survey.csv", "--column", "csat", "--scale", "5-1"], 'cx-metrics: --scale is "5-1", expected MIN-MAX such as 1-5 or 0-10\nRun \'cx-metrics csat --help\' for its options.\n'],
    [["csat", "survey.csv", "--column", "csat", "--satisfied-from", "6"], 'cx-metrics: --satisfied-from is "6", expected an integer from 1 to 5\nRun \'cx-metrics csat --help\' for its options.\n'],
    [["nps", "survey.json", "--column", "nps", "--delimiter", ";"], "cx-metrics: --delimiter applies to CSV input, not json\nRun 'cx-metrics nps --help' for its options.\n"],
  ])("a bad command line is exit code 2 with a usage hint: %j", (args, stderr) => {
    expect(cli(args)).toEqual({ status: 2, stdout: "", stderr });
  });

  it("without arguments prints the usage on stderr with exit code 2", () => {
    const out = cli([]);
    expect(out.status).toBe(2);
    expect(out.stdout).toBe("");
    expect(out.stderr).toContain("Usage:");
  });

  it("never writes progress when stderr is not a terminal", () => {
    const out = cli(["nps", "survey.csv", "--column", "nps", "--by", "channel"]);
    expect(out.stderr).not.toContain("reading");
    expect(out.stderr).not.toContain("\r");
  });
});
