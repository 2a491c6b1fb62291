import { spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { CLI, cliAsync, ensureBuilt, json } from "./helpers.js";

// Survey metrics keep one tally per segment, so a file far larger than the heap streams through.

const ROWS = 2_000_000;
const CHANNELS = ["email", "chat", "phone", "web"];
const dir = mkdtempSync(join(tmpdir(), "cx-metrics-cli-"));
const file = join(dir, "responses.csv");
const expected = new Map(CHANNELS.map((c) => [c, { total: 0, promoters: 0, passives: 0, detractors: 0 }]));

async function writeResponses(): Promise<void> {
  const out = createWriteStream(file);
  out.write("id,channel,comment,nps\n");
  for (let i = 0; i < ROWS; ) {
    let chunk = "";
    for (const end = Math.min(ROWS, i + 20_000); i < end; i++) {
      const channel = CHANNELS[i % 4]!;
      const score = (i * 7 + (i >> 3)) % 11;
      const counts = expected.get(channel)!;
      counts.total++;
      if (score >= 9) counts.promoters++;
      else if (score >= 7) counts.passives++;
      else counts.detractors++;
      chunk += i % 1000 === 0 ? `${i},${channel},"quoted, with a comma",${score}\n` : `${i},${channel},,${score}\n`;
    }
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

beforeAll(async () => {
  ensureBuilt();
  await writeResponses();
}, 180_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("nps streams a 2,000,000-row CSV by segment under a 48 MB heap", async () => {
  const out = await cliAsync(["nps", file, "--column", "nps", "--by", "channel", "--format", "json"], ["--max-old-space-size=48"]);
  expect(out.stderr).toBe("");
  expect(out.status).toBe(0);
  const entries = json(out) as Array<{ key: string; result: Record<string, number> }>;
  expect(entries.map((e) => e.key)).toEqual(CHANNELS);
  for (const { key, result } of entries) {
    const counts = expected.get(key)!;
    expect(result).toMatchObject(counts);
    expect(result.score).toBeCloseTo((100 * (counts.promoters - counts.detractors)) / counts.total, 10);
  }
}, 120_000);

// util-linux `script` runs the program on a pseudo-terminal, so stderr is a terminal as it is for a user.
const hasScript = spawnSync("script", ["--version"]).status === 0 && existsSync("/dev/null");

function onTerminal(extra: ReadonlyArray<string>): string {
  const command = [process.execPath, CLI, "nps", file, "--column", "nps", "--format", "json", ...extra].map((a) => `'${a}'`).join(" ");
  return spawnSync("script", ["-qfec", command, "/dev/null"], { encoding: "utf8" }).stdout;
}

it.skipIf(!hasScript)("shows progress on a terminal's stderr for a long input, and erases it", () => {
  const output = onTerminal([]);
  const erase = "\r\u001b[K";
  expect(output).toContain(`${erase}reading `);
  expect(output).toMatch(/reading .*responses\.csv: \d+\.\d MB of \d+\.\d MB \(\d+%\), [\d,]+ rows, [\d,]+ rows\/s(, \d+:\d\d left)?/);
  // The line is erased before the result is printed.
  expect(output).toContain(`${erase}{`);
  expect(output).toContain('"metric": "nps"');
  expect(onTerminal(["--quiet"])).not.toContain("reading");
}, 120_000);
