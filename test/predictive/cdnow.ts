// Loaders for the CDNOW benchmark files in test/fixtures/cdnow (see its README for their origin and conventions).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const DIR = fileURLToPath(new URL("../fixtures/cdnow/", import.meta.url));

/** One line of CDNOW_sample.txt. */
export interface CdnowTransaction {
  customerId: string;
  /** `YYYYMMDD`. */
  date: string;
  amount: string;
}

export function cdnowTransactions(): CdnowTransaction[] {
  return readFileSync(join(DIR, "CDNOW_sample.txt"), "utf8")
    .trim()
    .split("\n")
    .map((line) => {
      const [customerId, , date, , amount] = line.trim().split(/\s+/);
      return { customerId: customerId!, date: date!, amount: amount! };
    });
}

/** `YYYYMMDD` as an ISO instant at UTC midnight. */
export function isoOf(date: string): string {
  return `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6)}T00:00:00Z`;
}

function csv(name: string): number[][] {
  return readFileSync(join(DIR, name), "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => line.split(",").map(Number));
}

/** cdnow_customers_summary.csv as { frequency, recency, T }. */
export function cdnowSummary(): Array<{ frequency: number; recency: number; T: number }> {
  return csv("cdnow_customers_summary.csv").map(([, frequency, recency, T]) => ({ frequency: frequency!, recency: recency!, T: T! }));
}

/** cdnow_customers_summary_with_transactions.csv as { id, frequency, recency, T, monetaryValue }. */
export function cdnowSummaryWithTransactions(): Array<{ id: number; frequency: number; recency: number; T: number; monetaryValue: number }> {
  return csv("cdnow_customers_summary_with_transactions.csv").map(([id, frequency, recency, T, zbar]) => ({
    id: id!,
    frequency: frequency!,
    recency: recency!,
    T: T!,
    monetaryValue: zbar!,
  }));
}

/** The donations panel (test/fixtures/donations) as BG/BB rows { frequency, recency, n, weight }. */
export function donations(): Array<{ frequency: number; recency: number; n: number; weight: number }> {
  return readFileSync(fileURLToPath(new URL("../fixtures/donations/donations.csv", import.meta.url)), "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => {
      const [frequency, recency, n, weight] = line.split(",").map(Number) as [number, number, number, number];
      return { frequency, recency, n, weight };
    });
}
