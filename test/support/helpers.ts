import type { BusinessCalendar, } from "../../src/index.js";
import fixtures from "../fixtures/support.json" with { type: "json" };

export { errorOf, failure } from "../helpers/errors.js";

type CalendarName = keyof typeof fixtures.calendars;

/** A fixture calendar by name, as a fresh object. */
export function calendar(name: string) {
  return structuredClone(fixtures.calendars[name as CalendarName]) as unknown as BusinessCalendar;
}

export const HOUR = 3_600_000;
export const MINUTE = 60_000;
