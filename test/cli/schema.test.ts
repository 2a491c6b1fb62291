import { beforeAll, describe, expect, it } from "vitest";
import * as z from "zod";
import { CohortOptionsSchema, NpsOptionsSchema, ReopenCountsSchema, RevenueChurnInputSchema, SubscriptionSchema } from "../../src/schemas/index.js";
import { cli, ensureBuilt, json } from "./helpers.js";

beforeAll(() => ensureBuilt(), 180_000);

describe("cx-metrics schema <metric>", () => {
  it("prints the JSON Schema of a whole call: input required, options optional and strict", () => {
    const out = cli(["schema", "nps"]);
    expect(out.status).toBe(0);
    const schema = json(out) as { title: string; required: string[]; properties: Record<string, unknown>; additionalProperties: boolean };
    expect(schema.title).toBe("nps");
    expect(schema.required).toEqual(["input"]);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.options).toEqual({ ...z.toJSONSchema(NpsOptionsSchema), $schema: undefined });
  });

  it("prints one part with --part, and the counts form of a support rate", () => {
    const options = json(cli(["schema", "nps", "--part", "options"])) as Record<string, unknown>;
    expect(options).toEqual({ ...z.toJSONSchema(NpsOptionsSchema), title: "nps options" });
    const input = json(cli(["schema", "reopenRate", "--part", "input"])) as { anyOf: unknown[] };
    const { $schema: _s, ...counts } = z.toJSONSchema(ReopenCountsSchema);
    expect(input.anyOf[1]).toEqual(counts);
  });

  it("prints the business calculators' inputs: objects, and arrays of records with their options", () => {
    expect(json(cli(["schema", "revenueChurn", "--part", "input"]))).toEqual({ ...z.toJSONSchema(RevenueChurnInputSchema), title: "revenueChurn input" });
    const call = json(cli(["schema", "cohortRetention"])) as { required: string[]; properties: Record<string, unknown> };
    const { $schema: _s, ...subscription } = z.toJSONSchema(SubscriptionSchema);
    const { $schema: _o, ...options } = z.toJSONSchema(CohortOptionsSchema);
    expect(call.required).toEqual(["input", "options"]);
    expect(call.properties).toEqual({ input: { type: "array", items: subscription }, options });
  });

  it("prints a calendar for businessDuration, which has options only", () => {
    const call = json(cli(["schema", "businessDuration"])) as { required?: string[]; properties: Record<string, { properties: object }> };
    expect(Object.keys(call.properties)).toEqual(["options"]);
    expect(Object.keys(call.properties.options!.properties)).toEqual(["timeZone", "weekly", "holidays"]);
    expect(cli(["schema", "businessDuration", "--part", "input"])).toMatchObject({ status: 2, stderr: "cx-metrics: businessDuration takes no input\n" });
  });

  it.each([
    [["schema"], "missing the metric"],
    [["schema", "nope"], 'unknown metric "nope"'],
    [["schema", "nps", "extra"], 'unexpected argument "extra"'],
    [["schema", "nps", "--part", "everything"], '--part is "everything", expected call, input or options'],
  ])("%j is a usage error: %s", (args, problem) => {
    const out = cli(args);
    expect(out.status).toBe(2);
    expect(out.stderr).toContain(`cx-metrics: ${problem}\nusage: cx-metrics schema <metric>`);
  });

  it("--help prints the usage and every metric", () => {
    const out = cli(["schema", "--help"]);
    expect(out.status).toBe(0);
    expect(out.stdout).toContain("metrics: nps, csat, ces,");
  });
});
