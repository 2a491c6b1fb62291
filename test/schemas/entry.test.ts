// The main entry keeps exporting every schema it exported before, as the very objects of cx-metrics/schemas, and a
// calculator's error and its schema's issue agree on the path and the message.
import { describe, expect, it } from "vitest";
import * as z from "zod";
import * as main from "../../src/index.js";
import * as schemas from "../../src/schemas/index.js";
import * as predictive from "../../src/schemas/predictive.js";

// The predictive family's classic-zod schemas are new to cx-metrics/schemas: the main entry exports the zod/mini specs
// its calculators read with (two of them under the same names), so they are not expected there.
const onBoth = Object.keys(schemas).filter((name) => !(name in predictive));

describe("schemas on the main entry", () => {
  it.each(onBoth)("%s is the same object on both entries", (name) => {
    expect((main as Record<string, unknown>)[name]).toBe((schemas as Record<string, unknown>)[name]);
  });

  it.each([
    ["nps scores", () => main.nps([9, 11]), z.object({ scores: schemas.NpsScoresSchema }), { scores: [9, 11] }],
    ["nps options", () => main.nps([9], { decimals: 16 }), z.object({ options: schemas.NpsOptionsSchema }), { options: { decimals: 16 } }],
    ["csat options", () => main.csat([1], { typo: 1 } as never), z.object({ options: schemas.CsatOptionsSchema }), { options: { typo: 1 } }],
    ["reopen counts", () => main.reopenRate({ reopened: 3, total: 2 }), z.object({ counts: schemas.ReopenCountsSchema }), { counts: { reopened: 3, total: 2 } }],
  ] as const)("%s: the calculator's first issue and the schema's have one path and one message", (_name, run, schema, value) => {
    let error: main.CxMetricsError | undefined;
    try {
      run();
    } catch (e) {
      error = e as main.CxMetricsError;
    }
    const issue = schema.safeParse(value).error?.issues[0];
    expect(issue?.path).toEqual(error?.issues[0]?.path);
    expect(issue?.message).toBe(error?.issues[0]?.message);
  });
});
