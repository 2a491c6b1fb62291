import { beforeAll, describe, expect, it } from "vitest";
import { cli, ensureBuilt, json } from "./helpers.js";

// tickets.csv, worked by hand (documents: first response time, resolution time): first answers after 10, 30, 5 and
// 990 minutes (16:50 to 09:20 the next day), one ticket unanswered; resolutions after 2 h (billing), 24 h and 19 h 10 min
// (tech), three unresolved.

beforeAll(ensureBuilt, 180_000);

const FIRST = ["first-response-time", "tickets.csv", "--created-column", "created_at", "--responded-column", "first_reply_at"];
const RESOLUTION = ["resolution-time", "tickets.csv", "--created-column", "created_at", "--resolved-column", "resolved_at"];

describe("cx-metrics support metrics", () => {
  it("first-response-time reports mean, median and p90 in minutes, an empty cell as unanswered", () => {
    const out = cli(FIRST);
    expect(out.status).toBe(0);
    expect(json(out)).toEqual({
      metric: "firstResponseTime",
      unit: "minutes",
      mean: 258.75,
      median: 20,
      p90: 702,
      min: 5,
      max: 990,
      answered: 4,
      unanswered: 1,
    });
  });

  it("--business-hours counts only business time (16:50 Monday to 09:20 Tuesday is 30 minutes)", () => {
    const out = cli([...FIRST, "--by", "team", "--business-hours", "hours.json"]);
    expect(json(out)).toEqual([
      { key: "billing", result: expect.objectContaining({ mean: 20, answered: 2, unanswered: 0 }) },
      { key: "tech", result: expect.objectContaining({ mean: 17.5, min: 5, max: 30, answered: 2, unanswered: 1 }) },
    ]);
  });

  it("resolution-time --unit hours by team, an empty cell as unresolved", () => {
    const out = cli([...RESOLUTION, "--unit", "hours", "--by", "team", "--decimals", "2"]);
    expect(json(out)).toEqual([
      { key: "billing", result: expect.objectContaining({ unit: "hours", mean: 2, resolved: 1, unresolved: 1 }) },
      { key: "tech", result: expect.objectContaining({ mean: 21.58, min: 19.17, max: 24, resolved: 2, unresolved: 1 }) },
    ]);
  });

  it("resolution-time by week of creation", () => {
    const out = cli([...RESOLUTION, "--period", "week", "--date-column", "created_at", "--unit", "hours", "--decimals", "1"]);
    expect(json(out)).toEqual([{ key: "2026-W48", result: expect.objectContaining({ resolved: 3, unresolved: 2, median: 19.2 }) }]);
  });

  it("--sketch keeps bounded memory: mean, min, max and counts exact, median and p90 within the accuracy", () => {
    const result = json(cli([...FIRST, "--sketch", "0.01"])) as Record<string, number>;
    expect(result).toMatchObject({ mean: 258.75, min: 5, max: 990, answered: 4, unanswered: 1 });
    expect(Math.abs(result.median! - 20) / 20).toBeLessThanOrEqual(0.01);
    expect(Math.abs(result.p90! - 702) / 702).toBeLessThanOrEqual(0.01);
  });

  it("the table shows the unit, the counts and a bar for the mean", () => {
    const out = cli([...RESOLUTION, "--unit", "hours", "--by", "team", "--format", "table"]);
    expect(out.stdout).toMatchInlineSnapshot(`
      "team     mean (h)  median   p90   min   max  n                            unresolved
      billing       2.0     2.0   2.0   2.0   2.0  1  ██░░░░░░░░░░░░░░░░░░░░░░           1
      tech         21.6    21.6  23.5  19.2  24.0  2  ████████████████████████           1
      "
    `);
  });

  it("a group with no answered ticket is left out and named on stderr", () => {
    const out = cli([...FIRST, "--by", "id"]);
    expect((json(out) as Array<{ key: string }>).map((e) => e.key)).toEqual(["1", "2", "4", "5"]);
    expect(out.stderr).toBe(
      'cx-metrics: left out group "3": firstResponseTime: no answered tickets: the first-response time of nothing is undefined\n',
    );
  });

  it("a response before creation stops the run naming the line, column and value", () => {
    const input = "created,replied\n2026-11-23T09:00:00Z,2026-11-23T10:00:00Z\n2026-11-23T09:00:00Z,2026-11-23T08:00:00Z\n";
    const out = cli(["first-response-time", "-", "--created-column", "created", "--responded-column", "replied"], { input });
    expect(out).toEqual({
      status: 2,
      stdout: "",
      stderr: 'cx-metrics: standard input, line 3: column "replied" is "2026-11-23T08:00:00Z", expected an instant not before "created"\n',
    });
  });

  it("an unreadable date names its line", () => {
    const input = "created,replied\nyesterday,\n";
    expect(cli(["first-response-time", "-", "--created-column", "created", "--responded-column", "replied"], { input }).stderr).toBe(
      'cx-metrics: standard input, line 2: column "created" is "yesterday", expected an ISO 8601 date or date-time such as 2026-03-22T17:33:48Z or 2026-03-22 17:33:48 -0500\n',
    );
  });

  it.each([
    [["--business-hours", "missing.json"], /^cx-metrics: --business-hours: cannot read missing\.json/],
    [["--business-hours", "survey.csv"], /^cx-metrics: --business-hours: survey\.csv is not valid JSON/],
    [["--business-hours", "bad-hours.json"], /^cx-metrics: --business-hours: bad-hours\.json: weekly\.monday\[0\]\[1\] is "27:00", expected a time of day/],
    [["--unit", "weeks"], /^cx-metrics: --unit is "weeks", expected milliseconds, seconds, minutes, hours, days\n/],
    [["--sketch", "2"], /^cx-metrics: --sketch is "2", expected a relative accuracy in \(0, 0\.5\], such as 0\.01\n/],
  ])("a bad option is exit code 2 before any row is read: %j", (extra, message) => {
    const out = cli([...FIRST, ...extra]);
    expect(out.status).toBe(2);
    expect(out.stderr).toMatch(message);
    expect(out.stderr).toContain("Run 'cx-metrics first-response-time --help'");
  });

  it("--responded-column is required", () => {
    expect(cli(["first-response-time", "tickets.csv", "--created-column", "created_at"]).stderr).toBe(
      "cx-metrics: --responded-column is required: first-response-time needs it\nRun 'cx-metrics first-response-time --help' for its options.\n",
    );
  });
});
