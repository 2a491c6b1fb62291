// The schemas users compose: classic zod (methods, composition), a JSON Schema for each, Standard Schema interop, and
// messages that name the place and the value wherever the schema sits in a larger one.
import { describe, expect, it } from "vitest";
import * as z from "zod";
import * as schemas from "../../src/schemas/index.js";

const entries = Object.entries(schemas) as Array<[string, z.ZodType]>;

/** The Standard Schema v1 interface (https://standardschema.dev), written out as a consumer that knows no zod would. */
interface StandardSchemaV1<Output = unknown> {
  readonly "~standard": {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => StandardResult<Output> | Promise<StandardResult<Output>>;
  };
}
type StandardResult<Output> =
  | { readonly value: Output; readonly issues?: undefined }
  | { readonly issues: ReadonlyArray<{ readonly message: string; readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined }> };

/** A generic consumer: a form library or an RPC layer that accepts any Standard Schema. */
async function validate<T>(schema: StandardSchemaV1<T>, value: unknown): Promise<{ ok: true; value: T } | { ok: false; messages: string[]; paths: PropertyKey[][] }> {
  const result = await schema["~standard"].validate(value);
  if (result.issues === undefined) return { ok: true, value: result.value };
  return {
    ok: false,
    messages: result.issues.map((i) => i.message),
    paths: result.issues.map((i) => (i.path ?? []).map((p) => (typeof p === "object" ? p.key : p))),
  };
}

describe("cx-metrics/schemas", () => {
  it("holds one schema per name", () => {
    expect(entries.length).toBeGreaterThan(30);
    for (const [name, schema] of entries) expect(name.endsWith("Schema") && schema instanceof z.ZodType, name).toBe(true);
  });

  it.each(entries)("%s is classic zod: .optional(), .nullable() and composition work", (_name, schema) => {
    expect(typeof schema.optional).toBe("function");
    expect(schema.optional().safeParse(undefined).success).toBe(true);
    expect(z.object({ field: schema.nullable() }).safeParse({ field: null }).success).toBe(true);
  });

  it.each(entries)("%s has a JSON Schema, for its input and its output", (_name, schema) => {
    const output = z.toJSONSchema(schema);
    const input = z.toJSONSchema(schema, { io: "input" });
    expect(JSON.parse(JSON.stringify(output))).toEqual(output);
    expect(typeof input).toBe("object");
  });

  it("MoneySchema's JSON Schema is a number or a plain decimal string", () => {
    const json = z.toJSONSchema(schemas.MoneySchema) as { anyOf: Array<{ type: string; pattern?: string }> };
    expect(json.anyOf.map((s) => s.type)).toEqual(["number", "string"]);
    const pattern = new RegExp(json.anyOf[1]!.pattern!);
    expect(["1234.50", "-3.2", "0"].every((s) => pattern.test(s))).toBe(true);
    expect(["1e3", "1,000", "+1", " 1", ""].some((s) => pattern.test(s))).toBe(false);
  });

  it("NpsOptionsSchema composes into an app's own schema and extends", () => {
    const request = z.object({ scores: schemas.NpsScoresSchema, options: schemas.NpsOptionsSchema.optional() });
    expect(request.safeParse({ scores: [9, 10, 3] }).success).toBe(true);
    expect(request.safeParse({ scores: [9], options: { decimals: 1 } }).success).toBe(true);
    const extended = schemas.NpsOptionsSchema.extend({ label: z.string() });
    expect(extended.safeParse({ label: "Q3", decimals: 2 }).success).toBe(true);
    expect(extended.safeParse({ decimals: 2 }).success).toBe(false);
  });

  it("a composed schema's messages name the field, the index and the value, as the calculators' errors do", () => {
    const request = z.object({ survey: z.object({ scores: schemas.NpsScoresSchema, options: schemas.NpsOptionsSchema.optional() }) });
    const bad = request.safeParse({ survey: { scores: [9, 11] } });
    expect(bad.error?.issues[0]).toMatchObject({ path: ["survey", "scores", 1], message: "survey.scores[1] is 11, outside 0-10" });
    const option = request.safeParse({ survey: { scores: [9], options: { decimals: 16 } } });
    expect(option.error?.issues[0]?.message).toBe("survey.options.decimals is 16, expected an integer from 0 to 15");
    const typo = request.safeParse({ survey: { scores: [9], options: { decimal: 1 } } });
    expect(typo.error?.issues[0]?.message).toBe('survey.options has unknown key "decimal"');
    expect(schemas.RateOptionsSchema.safeParse({ a: 1, b: 2 }).error?.issues[0]?.message).toBe('input has unknown keys "a", "b"');
    const counts = z.array(schemas.CsatCountsSchema).safeParse([{ satisfied: 1, total: 2 }, { satisfied: 5, total: 2 }]);
    expect(counts.error?.issues[0]?.message).toBe("[1].satisfied is 5, expected satisfied <= total");
    const money = z.object({ price: schemas.MoneySchema }).safeParse({ price: "1e3" });
    expect(money.error?.issues[0]?.message).toBe('price is "1e3", expected a finite number or a plain decimal string such as "1234.50"');
    const hours = z.object({ weekly: schemas.WeeklyHoursSchema }).safeParse({ weekly: { monday: [["09:00", "12:00"], ["11:00", "13:00"]] } });
    expect(hours.error?.issues[0]).toMatchObject({
      path: ["weekly", "monday", 1],
      message: 'weekly.monday[1] is ["11:00", "13:00"], expected windows that do not overlap (it overlaps ["09:00", "12:00"])',
    });
  });

  it("a generic Standard Schema consumer validates with any of them", async () => {
    expect(schemas.NpsOptionsSchema["~standard"]).toMatchObject({ version: 1, vendor: "zod" });
    await expect(validate(schemas.NpsCountsSchema, { promoters: 3, passives: 1, detractors: 0 })).resolves.toEqual({
      ok: true,
      value: { promoters: 3, passives: 1, detractors: 0 },
    });
    await expect(validate(schemas.ReopenCountsSchema, { reopened: 3, total: 2 })).resolves.toEqual({
      ok: false,
      messages: ["reopened is 3, expected reopened <= total"],
      paths: [["reopened"]],
    });
    await expect(validate(schemas.DateInputSchema, "2026-13-01T00:00:00Z")).resolves.toMatchObject({ ok: false });
    await expect(validate(schemas.DateInputSchema, new Date(0))).resolves.toEqual({ ok: true, value: 0 });
  });

  it("array-likes and Dates parse as the calculators read them", () => {
    expect(schemas.NpsScoresSchema.safeParse(new Uint8Array([9, 10])).data).toEqual([9, 10]);
    expect(schemas.NpsScoresSchema.safeParse(new Uint8Array([11])).success).toBe(false);
    expect(schemas.DateInputSchema.safeParse(new Date(Number.NaN)).success).toBe(false);
    expect(schemas.DateInputSchema.safeParse(8.64e15 + 1).success).toBe(false);
    expect(schemas.TimeZoneSchema.safeParse("Europe/Budapest").success).toBe(true);
    expect(schemas.TimeZoneSchema.safeParse("Mars/Olympus").success).toBe(false);
  });
});
