import { describe, expect, it } from "vitest";
import { runInProcess } from "./helpers.js";

const NPS = ["nps", "-", "--column", "nps", "--format", "json"];
const EXPORT = "nps,status,plan\n10,paid,pro\n9,refunded,pro\n3,paid,free\n7,trial,pro\n";

describe("row filters and extra header rows", () => {
  it("--where keeps rows whose column equals the text, and notes how many were left out", async () => {
    const out = await runInProcess([...NPS, "--where", "status=paid"], EXPORT);
    expect(JSON.parse(out.stdout)).toMatchObject({ total: 2, promoters: 1, detractors: 1 });
    expect(out.stderr).toBe("cx-metrics: left out 2 rows by --where\n");
  });

  it("--where with != and several conditions, all required; values may hold = and are compared as text", async () => {
    const out = await runInProcess([...NPS, "--where", "status!=refunded", "--where", "plan=pro", "--quiet"], EXPORT);
    expect(JSON.parse(out.stdout)).toMatchObject({ total: 2, promoters: 1, passives: 1 });
    const eq = await runInProcess([...NPS, "--where", "f=a=b", "--quiet"], "nps,f\n10,a=b\n0,a\n");
    expect(JSON.parse(eq.stdout)).toMatchObject({ total: 1, promoters: 1 });
  });

  it("--where on JSON compares numbers by their JSON spelling and an absent key as empty", async () => {
    const input = '{"nps":10,"wave":2}\n{"nps":0,"wave":1}\n{"nps":5}\n';
    const out = await runInProcess([...NPS, "--input", "ndjson", "--where", "wave=2", "--quiet"], input);
    expect(JSON.parse(out.stdout)).toMatchObject({ total: 1, promoters: 1 });
    const empty = await runInProcess([...NPS, "--input", "ndjson", "--where", "wave=", "--quiet"], input);
    expect(JSON.parse(empty.stdout)).toMatchObject({ total: 1, detractors: 1 });
  });

  it("--where refuses a condition without = and a column that is not there", async () => {
    expect((await runInProcess([...NPS, "--where", "status"], EXPORT)).stderr).toBe(
      "cx-metrics: --where is \"status\", expected COLUMN=VALUE or COLUMN!=VALUE, such as status=paid\nRun 'cx-metrics nps --help' for its options.\n",
    );
    const missing = await runInProcess([...NPS, "--where", "state=paid"], EXPORT);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('column "state" (--where) not found');
  });

  it("--skip-rows skips the records after the header (Qualtrics' two extra header rows, quoted line breaks included)", async () => {
    const qualtrics = 'nps,channel\n"How likely...\n(0-10)",Channel\n"{""ImportId"":""QID1""}","{""ImportId"":""ch""}"\n10,web\n6,web\n';
    const out = await runInProcess([...NPS, "--skip-rows", "2"], qualtrics);
    expect(JSON.parse(out.stdout)).toMatchObject({ total: 2, promoters: 1, detractors: 1 });
    expect((await runInProcess(NPS, qualtrics)).stderr).toContain('line 2: column "nps" is "How likely...\\n(0-10)"');
  });
});

describe("suggestions and help", () => {
  it("suggests the closest metric and option", async () => {
    expect((await runInProcess(["npss", "-"])).stderr).toMatch(/^cx-metrics: unknown metric "npss" \(did you mean nps\?\)/);
    expect((await runInProcess(["nps", "-", "--colum", "nps"])).stderr).toMatch(/unknown option --colum for nps \(did you mean --column\?\)/);
    expect((await runInProcess(["nps", "-", "--zzzzzz", "1"])).stderr).not.toContain("did you mean");
  });

  it("the top-level help lists each common option with the metrics it applies to", async () => {
    const help = (await runInProcess(["--help"])).stdout;
    expect(help).toMatch(/--confidence LEVEL .*\(nps, csat, ces only;/);
    expect(help).toMatch(/--period PERIOD .*\(nps, csat, ces, first-response-time, resolution-time only;/);
    expect(help).toMatch(/--where COLUMN=VALUE .*e\.g\. --where status=paid/);
    expect(help).toMatch(/--max-groups N .*default: 100000/);
  });
});
