// The calculators' answer on the same rows a query reads: groupBy and byPeriod, then the calculator.
import { expect } from "vitest";
import { byPeriod, CxMetricsError, groupBy, type Period } from "../../src/index.js";
import type { SqlGroup, SqlKeyValue } from "../../src/sql/index.js";

export interface ReferenceSpec<T> {
  by?: readonly (keyof T & string)[];
  period?: { date: (row: T) => Date; unit: Period; timeZone: string };
}

function order(a: SqlKeyValue, b: SqlKeyValue): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** Groups rows as a query with `by` and `period` does and computes each group; throws what the calculator throws. */
export function reference<T, R>(rows: readonly T[], spec: ReferenceSpec<T>, compute: (group: T[]) => R): Array<SqlGroup<R>> {
  const by = spec.by ?? [];
  const segments = by.length === 0 ? [{ key: {}, result: [...rows] }] : groupBy(rows, (r) => JSON.stringify(by.map((b) => r[b])), (g) => g).map((g) => ({
    key: Object.fromEntries(by.map((b) => [b, (g.result[0]![b] ?? null) as SqlKeyValue])),
    result: g.result,
  }));
  segments.sort((x, y) => {
    for (const b of by) {
      const c = order((x.key as Record<string, SqlKeyValue>)[b]!, (y.key as Record<string, SqlKeyValue>)[b]!);
      if (c !== 0) return c;
    }
    return 0;
  });
  const out: Array<SqlGroup<R>> = [];
  for (const s of segments) {
    if (spec.period === undefined) {
      out.push({ key: s.key, count: s.result.length, result: compute(s.result) });
      continue;
    }
    const p = spec.period;
    for (const g of byPeriod(s.result, { date: p.date, period: p.unit, timeZone: p.timeZone }, compute)) {
      out.push({ key: s.key, period: g.period, start: g.start, end: g.end, count: g.count, result: g.result });
    }
  }
  return out;
}

function attempt<R>(run: () => R): { value: R } | { error: unknown } {
  try {
    return { value: run() };
  } catch (error) {
    return { error };
  }
}

/** The query's results equal the calculators' to the last bit, or both throw the same CxMetricsError. */
export function expectSame<R>(actual: () => R, expected: () => R, options: { mayFail?: boolean } = {}): void {
  const e = attempt(expected);
  const a = attempt(actual);
  if ("error" in e) {
    // A data set meant to compare numbers must not compare only errors.
    if (options.mayFail !== true) throw e.error;
    expect(e.error).toBeInstanceOf(CxMetricsError);
    expect("error" in a ? a.error : a.value).toBeInstanceOf(CxMetricsError);
    const err = (a as { error: CxMetricsError }).error;
    expect({ code: err.code, metric: err.metric }).toEqual({ code: (e.error as CxMetricsError).code, metric: (e.error as CxMetricsError).metric });
    return;
  }
  if ("error" in a) throw a.error;
  expect(a.value).toStrictEqual(e.value);
}
