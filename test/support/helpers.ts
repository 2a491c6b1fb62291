import { type BusinessCalendar, CxMetricsError } from "../../src/index.js";
import fixtures from "../fixtures/support.json" with { type: "json" };

/** The CxMetricsError a call throws (fails the test when it throws nothing or something else). */
export function errorOf(run: () => unknown): CxMetricsError {
  try {
    run();
  } catch (error) {
    if (error instanceof CxMetricsError) return error;
    throw error;
  }
  throw new Error("expected a CxMetricsError");
}

/** `code message` of the error a call throws, for exact pinning. */
export function failure(run: () => unknown): string {
  const error = errorOf(run);
  return `${error.code} ${error.message}`;
}

type CalendarName = keyof typeof fixtures.calendars;

/** A fixture calendar by name, as a fresh object. */
export function calendar(name: string) {
  return structuredClone(fixtures.calendars[name as CalendarName]) as unknown as BusinessCalendar;
}

export const HOUR = 3_600_000;
export const MINUTE = 60_000;
