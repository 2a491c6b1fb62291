import { beforeAll, describe, expect, it } from "vitest";
import { cli, ensureBuilt, json } from "./helpers.js";

// subscriptions.csv, worked by hand (documents: churn rate, cohort retention): on 2026-01-01 a, b and e are active
// (c's first subscription ended in September, d starts on January 10); on 2026-02-01 a, c, d and e are. b is lost,
// d is new and c is reactivated. orders.csv: revenue 49.90 + 19.95 + 100.10 + 0 + 0.05 = 170.00 from 3 customers.

beforeAll(ensureBuilt, 180_000);

const SUBSCRIPTIONS = ["subscriptions.csv", "--customer-column", "customer_id", "--start-column", "started_at", "--end-column", "ended_at"];
const JANUARY = ["--period-start", "2026-01-01", "--period-end", "2026-02-01"];
const ORDERS = ["orders.csv", "--customer-column", "customer_id", "--amount-column", "total", "--date-column", "ordered_at"];

describe("cx-metrics churn", () => {
  it("counts customers active at the start and lost by the end, an empty end as still running", () => {
    const out = cli(["churn", ...SUBSCRIPTIONS, ...JANUARY]);
    expect(out.status).toBe(0);
    expect(json(out)).toMatchObject({
      metric: "churn",
      customersAtStart: 3,
      customersLost: 1,
      customersAtEnd: 4,
      newCustomers: 1,
      reactivated: 1,
    });
    expect((json(out) as { rate: number }).rate).toBeCloseTo(100 / 3, 12);
  });

  it("--by plan gives the churn of each segment; --decimals rounds the rates", () => {
    const out = cli(["churn", ...SUBSCRIPTIONS, ...JANUARY, "--by", "plan", "--decimals", "1"]);
    expect(json(out)).toEqual([
      { key: "pro", result: expect.objectContaining({ rate: 50, retentionRate: 50, customersAtStart: 2, customersLost: 1 }) },
      { key: "basic", result: expect.objectContaining({ rate: 0, customersAtStart: 1, customersAtEnd: 3, newCustomers: 1, reactivated: 1 }) },
    ]);
    expect(cli(["churn", ...SUBSCRIPTIONS, "--period-start", "2026-01-01", "--period-end", "2026-02-01", "--decimals", "1"]).stdout).toContain(
      '"rate": 33.3',
    );
  });

  it.each([
    [["--period-start", "2026-01-01"], "cx-metrics: --period-end is required: churn needs it\nRun 'cx-metrics churn --help' for its options.\n"],
    [["--period-start", "2026-02-01", "--period-end", "2026-01-01"], "cx-metrics: --period-end must be after --period-start\nRun 'cx-metrics churn --help' for its options.\n"],
    [["--period-start", "January", "--period-end", "2026-02-01"], 'cx-metrics: --period-start is "January", expected a date such as 2026-01-01 or 2026-01-01T00:00:00Z\nRun \'cx-metrics churn --help\' for its options.\n'],
    [[...JANUARY, "--period", "month"], "cx-metrics: unknown option --period for churn (did you mean --period-start?)\nRun 'cx-metrics churn --help' for its options.\n"],
  ])("refuses a bad period with exit code 2: %j", (extra, stderr) => {
    expect(cli(["churn", ...SUBSCRIPTIONS, ...extra])).toEqual({ status: 2, stdout: "", stderr });
  });

  it("an end before the start names the line", () => {
    const input = "id,from,to\nx,2026-01-01,2026-02-01\ny,2026-03-01,2026-02-01\n";
    const out = cli(["churn", "-", "--customer-column", "id", "--start-column", "from", "--end-column", "to", ...JANUARY], { input });
    expect(out.stderr).toBe('cx-metrics: standard input, line 3: column "to" is "2026-02-01", expected an instant not before "from"\n');
  });

  it("a period with no customer at its start has no churn", () => {
    const out = cli(["churn", ...SUBSCRIPTIONS, "--period-start", "2020-01-01", "--period-end", "2020-02-01"]);
    expect(out.status).toBe(2);
    expect(out.stderr).toMatch(/^cx-metrics: subscriptions\.csv: churnFromSubscriptions: no customer is active/);
  });
});

describe("cx-metrics cohorts", () => {
  const cohorts = [
    { cohort: "2025-03", size: 1, retention: [100, 100, 100, 100, 100, 100, 0, 0, 0, 0, 0, 100, 100] },
    { cohort: "2025-06", size: 2, retention: [100, 100, 100, 100, 100, 100, 100, 100, 50, 50] },
    { cohort: "2025-12", size: 1, retention: [100, 100, 100, 100] },
    { cohort: "2026-01", size: 1, retention: [100, 100, 100] },
  ];

  it("groups customers by the month of their first subscription, up to --as-of", () => {
    const out = cli(["cohorts", ...SUBSCRIPTIONS, "--as-of", "2026-03-15"]);
    expect(out.status).toBe(0);
    expect(json(out)).toEqual({ metric: "cohortRetention", cohorts });
  });

  it("--format csv prints one row per cohort with a column per period", () => {
    const out = cli(["cohorts", ...SUBSCRIPTIONS, "--as-of", "2026-03-15", "--period", "quarter", "--format", "csv"]);
    expect(out.stdout).toBe(
      [
        "metric,cohort,size,retention.0,retention.1,retention.2,retention.3,retention.4",
        "cohortRetention,2025-Q1,1,100,100,100,0,0",
        "cohortRetention,2025-Q2,2,100,100,100,100,",
        "cohortRetention,2025-Q4,1,100,100,,,",
        "cohortRetention,2026-Q1,1,100,,,,",
        "",
      ].join("\n"),
    );
  });

  it("--format table shows the retention matrix", () => {
    const out = cli(["cohorts", ...SUBSCRIPTIONS, "--as-of", "2026-03-15", "--period", "quarter", "--format", "table", "--by", "plan"]);
    expect(out.stdout).toMatchInlineSnapshot(`
      "plan   cohort   size      +0      +1      +2      +3    +4
      pro    2025-Q2     2  100.0%  100.0%  100.0%  100.0%
      basic  2025-Q1     1  100.0%  100.0%  100.0%    0.0%  0.0%
      basic  2025-Q4     1  100.0%  100.0%
      basic  2026-Q1     1  100.0%
      "
    `);
  });
});

describe("cx-metrics clv", () => {
  it("sums amounts exactly and divides by distinct customers, less --acquisition-cost", () => {
    const out = cli(["clv", ...ORDERS, "--acquisition-cost", "10", "--decimals", "2"]);
    expect(json(out)).toEqual({ metric: "historicalClv", value: 46.67, revenuePerCustomer: 56.67, customers: 3, revenue: 170 });
  });

  it("--by country: 69.85 over two customers is 34.925, shown as 34.93", () => {
    const out = cli(["clv", ...ORDERS, "--by", "country", "--format", "csv"]);
    expect(out.stdout).toBe(
      ["key,metric,value,revenuePerCustomer,customers,revenue", "FR,historicalClv,34.925,34.925,2,69.85", "DE,historicalClv,100.15,100.15,1,100.15", ""].join("\n"),
    );
    expect(cli(["clv", ...ORDERS, "--by", "country", "--format", "table"]).stdout).toContain("34.93");
  });

  it("an empty or malformed amount is an invalid row", () => {
    const args = ["clv", "-", "--customer-column", "c", "--amount-column", "a", "--date-column", "d"];
    expect(cli(args, { input: "c,a,d\nx,,2026-01-01\n" }).stderr).toBe(
      'cx-metrics: standard input, line 2: column "a" is empty, expected an amount such as 49.90\n',
    );
    expect(cli(args, { input: "c,a,d\nx,1e3,2026-01-01\n" }).stderr).toBe(
      'cx-metrics: standard input, line 2: column "a" is "1e3", expected an amount such as 49.90\n',
    );
    expect(cli([...args, "--skip-invalid"], { input: "c,a,d\nx,$5,2026-01-01\ny,5,2026-01-01\n" }).stdout).toContain('"revenue": 5');
  });

  it("a bad --acquisition-cost is exit code 2", () => {
    expect(cli(["clv", ...ORDERS, "--acquisition-cost", "ten"]).stderr).toBe(
      'cx-metrics: --acquisition-cost is "ten", expected an amount such as 25 or 19.90\nRun \'cx-metrics clv --help\' for its options.\n',
    );
  });
});
