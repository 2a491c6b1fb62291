// Generated data sets for the differential SQL suites: seeded, so a failure is reproducible.
import type { Cell, TableColumn } from "./engines.js";

export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Instants near daylight-saving changes in three zones, a leap day, and ordinary days. */
const SPECIAL_INSTANTS = [
  "2026-03-29T00:59:59.999Z", // Europe/Paris springs forward at 01:00Z
  "2026-03-29T01:00:00.000Z",
  "2026-10-25T00:30:00.000Z", // Paris falls back at 01:00Z
  "2026-10-25T01:30:00.000Z",
  "2026-03-08T06:59:59.000Z", // America/New_York springs forward at 07:00Z
  "2026-03-08T07:00:00.000Z",
  "2026-11-01T05:30:00.000Z", // New York falls back at 06:00Z
  "2026-11-01T06:30:00.000Z",
  "2026-04-04T15:59:59.000Z", // Australia/Sydney falls back at 16:00Z
  "2026-04-04T16:00:00.000Z",
  "2026-10-03T15:59:59.000Z", // Sydney springs forward at 16:00Z
  "2026-10-03T16:00:00.000Z",
  "2024-02-29T12:00:00.000Z", // leap day
  "2024-02-28T23:30:00.000Z",
  "2024-03-01T00:30:00.000Z",
  "2025-12-31T23:30:00.000Z", // a week that straddles ISO years
  "2026-01-01T00:30:00.000Z",
].map((s) => Date.parse(s));

export const ZONES = ["Europe/Paris", "America/New_York", "Australia/Sydney"] as const;

export function instant(rnd: () => number): Date {
  if (rnd() < 0.3) {
    const base = SPECIAL_INSTANTS[Math.floor(rnd() * SPECIAL_INSTANTS.length)]!;
    return new Date(base + Math.floor((rnd() - 0.5) * 4) * 3_600_000);
  }
  // Whole weeks in every zone, so that no period at the edges holds only a handful of rows.
  const from = Date.parse("2024-01-08T12:00:00Z");
  const to = Date.parse("2026-12-20T12:00:00Z");
  return new Date(from + Math.floor(rnd() * ((to - from) / 1000)) * 1000);
}

export interface SurveyRow {
  channel: string | null;
  region: number;
  score: number | null;
  rating: number | null;
  weight: number;
  at: Date;
}

export const SURVEY_COLUMNS: TableColumn[] = [
  { name: "channel", type: "text" },
  { name: "region", type: "integer" },
  { name: "score", type: "double" },
  { name: "score_text", type: "text" },
  { name: "rating", type: "integer" },
  { name: "weight", type: "double" },
  { name: "at", type: "timestamptz" },
  { name: "local_at", type: "timestamp" },
];

const CHANNELS = ["chat", "email", "phone", "Zoë", null];

/**
 * Survey rows: every score 0-10 and every rating 1-5 appear, some answers are missing, weights are multiples of 1/4
 * (so every sum is exact in any order), timestamps fall on daylight-saving days and a leap day.
 */
export function surveyRows(n: number, seed: number): SurveyRow[] {
  const rnd = random(seed);
  const rows: SurveyRow[] = [];
  for (let i = 0; i < n; i++) {
    rows.push({
      channel: CHANNELS[Math.floor(rnd() * CHANNELS.length)]!,
      region: Math.floor(rnd() * 3),
      score: i < 11 ? i : rnd() < 0.08 ? null : Math.floor(rnd() * 11),
      rating: i < 5 ? i + 1 : rnd() < 0.08 ? null : 1 + Math.floor(rnd() * 5),
      weight: Math.floor(rnd() * 13) / 4,
      at: instant(rnd),
    });
  }
  return rows;
}

/** The table cells of survey rows; `local_at` is the Paris wall time of `at`, stored without a zone. */
export function surveyCells(rows: readonly SurveyRow[], localWall: (d: Date) => Date): Cell[][] {
  return rows.map((r) => [r.channel, r.region, r.score, r.score === null ? null : String(r.score), r.rating, r.weight, r.at, localWall(r.at)]);
}

export interface TicketRow {
  team: string | null;
  priority: number;
  createdAt: Date;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  resolved: boolean;
  agentReplies: number;
  reopens: number;
}

export const TICKET_COLUMNS: TableColumn[] = [
  { name: "team", type: "text" },
  { name: "priority", type: "integer" },
  { name: "created_at", type: "timestamptz" },
  { name: "first_response_at", type: "timestamptz" },
  { name: "resolved_at", type: "timestamptz" },
  { name: "resolved", type: "boolean" },
  { name: "agent_replies", type: "integer" },
  { name: "reopens", type: "integer" },
  { name: "created_local", type: "timestamp" },
  { name: "first_response_local", type: "timestamp" },
];

const TEAMS = ["billing", "tech", "Ünicode", null];

/** Tickets: unanswered and unresolved ones, ties (whole minutes), instants on daylight-saving days. */
export function ticketRows(n: number, seed: number): TicketRow[] {
  const rnd = random(seed);
  const rows: TicketRow[] = [];
  for (let i = 0; i < n; i++) {
    const createdAt = instant(rnd);
    const wait = rnd() < 0.5 ? Math.floor(rnd() * 600) * 60_000 : Math.floor(rnd() * 3 * 86_400_000);
    const resolution = wait + Math.floor(rnd() * 10 * 86_400_000);
    const resolved = rnd() < 0.8;
    rows.push({
      team: TEAMS[Math.floor(rnd() * TEAMS.length)]!,
      priority: Math.floor(rnd() * 3),
      createdAt,
      firstResponseAt: rnd() < 0.1 ? null : new Date(createdAt.getTime() + wait),
      resolvedAt: resolved ? new Date(createdAt.getTime() + resolution) : null,
      resolved,
      agentReplies: Math.floor(rnd() * 4),
      reopens: rnd() < 0.8 ? 0 : 1 + Math.floor(rnd() * 3),
    });
  }
  return rows;
}

export function ticketCells(rows: readonly TicketRow[], localWall: (d: Date) => Date): Cell[][] {
  return rows.map((r) => [
    r.team,
    r.priority,
    r.createdAt,
    r.firstResponseAt,
    r.resolvedAt,
    r.resolved,
    r.agentReplies,
    r.reopens,
    localWall(r.createdAt),
    r.firstResponseAt === null ? null : localWall(r.firstResponseAt),
  ]);
}

export interface SubscriptionRow {
  plan: string | null;
  customerId: number;
  startedAt: Date;
  endedAt: Date | null;
}

export const SUBSCRIPTION_COLUMNS: TableColumn[] = [
  { name: "plan", type: "text" },
  { name: "customer_id", type: "integer" },
  { name: "started_at", type: "timestamptz" },
  { name: "ended_at", type: "timestamptz" },
  { name: "started_local", type: "timestamp" },
  { name: "ended_local", type: "timestamp" },
];

const PLANS = ["basic", "pro", "Ünlimited", null];

/** Instants on the bounds the suites measure over: UTC months and Paris months (half-open bounds are exact ties). */
export const SUBSCRIPTION_BOUNDS = [
  "2025-01-01T00:00:00.000Z",
  "2026-01-01T00:00:00.000Z",
  "2026-02-01T00:00:00.000Z",
  "2026-02-28T23:00:00.000Z", // 2026-03-01 00:00 in Paris
  "2026-03-31T22:00:00.000Z", // 2026-04-01 00:00 in Paris (after the change to summer time)
  "2026-10-31T23:00:00.000Z", // 2026-11-01 00:00 in Paris (after the change back)
].map((s) => Date.parse(s));

/**
 * Subscriptions: customers with one to three (some overlapping, some back to back, some of zero length), running ones,
 * starts and ends on daylight-saving days and exactly on the period bounds.
 */
export function subscriptionRows(customers: number, seed: number): SubscriptionRow[] {
  const rnd = random(seed);
  const rows: SubscriptionRow[] = [];
  for (let c = 0; c < customers; c++) {
    const plan = PLANS[Math.floor(rnd() * PLANS.length)]!;
    const k = 1 + Math.floor(rnd() * 3);
    let t = instant(rnd).getTime() - Math.floor(rnd() * 400) * 86_400_000;
    for (let j = 0; j < k; j++) {
      const onBound = rnd() < 0.15;
      const start = onBound ? SUBSCRIPTION_BOUNDS[Math.floor(rnd() * SUBSCRIPTION_BOUNDS.length)]! : t;
      const length = rnd() < 0.05 ? 0 : Math.floor(rnd() * 300 * 86_400_000);
      const endOnBound = rnd() < 0.15;
      let end: number | null = rnd() < 0.3 ? null : endOnBound ? SUBSCRIPTION_BOUNDS[Math.floor(rnd() * SUBSCRIPTION_BOUNDS.length)]! : start + length;
      if (end !== null && end < start) end = start + length;
      rows.push({ plan, customerId: c, startedAt: new Date(start), endedAt: end === null ? null : new Date(end) });
      t = (end ?? start) + Math.floor((rnd() - 0.3) * 60) * 86_400_000;
    }
  }
  return rows;
}

export function subscriptionCells(rows: readonly SubscriptionRow[], localWall: (d: Date) => Date): Cell[][] {
  return rows.map((r) => [r.plan, r.customerId, r.startedAt, r.endedAt, localWall(r.startedAt), r.endedAt === null ? null : localWall(r.endedAt)]);
}

/** Subscription rows as the calculators read them. */
export const subscriptionRecords = (g: readonly SubscriptionRow[]) => g.map((r) => ({ customerId: r.customerId, startedAt: r.startedAt, endedAt: r.endedAt }));

/** The builders' column options for the subscription tables. */
export const SUBSCRIPTION_SPEC = { customerId: "customer_id", startedAt: "started_at", endedAt: "ended_at" } as const;
