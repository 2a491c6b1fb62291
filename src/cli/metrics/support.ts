import { readFile } from "node:fs/promises";
import { CxMetricsError } from "../../errors.js";
import { type BusinessCalendar, createResponseTimeAccumulator } from "../../index.js";
import { checkCalendar } from "../../support/business-hours.js";
import type { OptionSpec } from "../args.js";
import { RowError } from "../errors.js";
import type { Row } from "../input/index.js";
import { instantReader, requiredInstantReader } from "../values.js";
import { countColumn, numberColumn } from "./show.js";
import { BAR, type Context, type MetricCommand, plan, type Result, type View } from "./types.js";

// Response and resolution times stream through the library's response-time accumulator, one per group. Exact medians
// and percentiles need every duration (8 bytes a ticket); with --sketch the accumulator keeps a bounded histogram
// instead, with percentiles within the stated relative accuracy.

/** Tickets handed to the accumulator at once. */
const BATCH = 1024;

const UNITS = ["milliseconds", "seconds", "minutes", "hours", "days"] as const;
type Unit = (typeof UNITS)[number];
const UNIT_SHORT: Record<Unit, string> = { milliseconds: "ms", seconds: "s", minutes: "min", hours: "h", days: "d" };

/** A row's ticket as read: the two instants, `at` NaN until the ticket is answered (or resolved). */
interface Ticket {
  createdAt: number;
  at: number;
}

/** A ticket as the accumulator reads it; the end field is named after the measure. */
type TicketSlot = { createdAt: number } & Record<string, number>;

interface DurationMetric {
  readonly name: string;
  /** The accumulator's measure, and the ticket field of the second instant. */
  readonly measure: "firstResponseTime" | "resolutionTime";
  /** The option naming the column of the second instant, and what a ticket without one is. */
  readonly endOption: string;
  readonly endWord: string;
  /** A column name help shows as an example. */
  readonly endExample: string;
  readonly doneField: string;
  readonly pendingField: string;
  /**
   * Fills a ticket the accumulator reads, made on first use (a literal per measure: objects of one shape are the
   * fastest to read). Batches reuse their tickets, so a long run makes no object per row.
   */
  ticket(slot: TicketSlot | undefined, createdAt: number, at: number): TicketSlot;
}

const CREATED: OptionSpec = {
  name: "created-column",
  value: "NAME",
  example: "created_at",
  help: "the column of when each ticket was created",
  required: true,
};
const UNIT: OptionSpec = {
  name: "unit",
  value: "UNIT",
  example: "hours",
  help: "milliseconds, seconds, minutes, hours or days",
  default: "minutes",
};
const SKETCH: OptionSpec = {
  name: "sketch",
  value: "ACCURACY",
  example: "0.01",
  help: "bounded memory per group: median and p90 within this relative accuracy (mean, min, max and counts stay exact)",
};
const BUSINESS_HOURS: OptionSpec = {
  name: "business-hours",
  value: "FILE.json",
  example: "hours.json",
  help: 'count business time only: { "timeZone": "Europe/Paris", "weekly": { "monday": [["09:00","17:00"]], ... }, "holidays": ["2026-12-25"] }',
};

async function readCalendar(context: Context): Promise<BusinessCalendar | undefined> {
  const path = context.options.string("business-hours");
  if (path === undefined) return undefined;
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw context.options.fail(`--business-hours: cannot read ${path} (${(error as Error).message})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw context.options.fail(`--business-hours: ${path} is not valid JSON (${(error as Error).message})`);
  }
  try {
    return checkCalendar(value, [], "--business-hours");
  } catch (error) {
    if (error instanceof CxMetricsError) throw context.options.fail(`--business-hours: ${path}: ${error.issues[0]?.message ?? error.message}`);
    throw error;
  }
}

function durationCommand(metric: DurationMetric, summary: string, description: string, examples: string[]): MetricCommand {
  const end: OptionSpec = {
    name: metric.endOption,
    value: "NAME",
    example: metric.endExample,
    help: `the column of when each ticket was ${metric.endWord}, empty until then`, required: true,
  };
  return {
    name: metric.name,
    summary,
    description,
    options: [CREATED, end, UNIT, BUSINESS_HOURS, SKETCH],
    examples,
    timeSeries: true,
    // Exact medians and percentiles need every duration; a sketch keeps a bounded histogram instead.
    keepsRows: (context) => !context.options.has("sketch"),
    async prepare(context) {
      const created = context.options.required("created-column");
      const ended = context.options.required(metric.endOption);
      const unit = context.options.choice("unit", UNITS) ?? "minutes";
      const businessHours = await readCalendar(context);
      const accuracy = context.options.number("sketch", (a) => a > 0 && a <= 0.5, "a relative accuracy in (0, 0.5], such as 0.01");
      const options = {
        measure: metric.measure,
        unit,
        ...(businessHours === undefined ? {} : { businessHours }),
        ...(context.decimals === undefined ? {} : { decimals: context.decimals }),
        ...(accuracy === undefined ? {} : { mode: "sketch" as const, relativeAccuracy: accuracy }),
      };
      const { reading, decimals } = context;
      const short = UNIT_SHORT[unit];
      const view: View = {
        columns: [
          numberColumn(`mean (${short})`, "mean", decimals),
          numberColumn("median", "median", decimals),
          numberColumn("p90", "p90", decimals),
          numberColumn("min", "min", decimals),
          numberColumn("max", "max", decimals),
          countColumn("n", metric.doneField),
          BAR,
          countColumn(metric.pendingField, metric.pendingField),
        ],
        bar: { value: (r) => r.mean as number, min: 0 },
      };
      return plan<Ticket>({
        columns: {
          created: { column: created, option: "--created-column" },
          ended: { column: ended, option: `--${metric.endOption}`, optional: true },
        },
        read(fields) {
          const endedField = fields.ended!;
          const createdAt = requiredInstantReader(fields.created!, created, reading);
          const endedAt = instantReader(endedField, ended, reading);
          // One object for every row: the sink copies the instants out at once.
          const ticket: Ticket = { createdAt: 0, at: 0 };
          return (row) => {
            const start = createdAt(row);
            const at = endedAt(row) ?? Number.NaN;
            if (at < start) throw new RowError(ended, endedField(row), `expected an instant not before "${created}"`);
            ticket.createdAt = start;
            ticket.at = at;
            return ticket;
          };
        },
        valueColumn: ended,
        create(late) {
          const accumulator = createResponseTimeAccumulator(options as Parameters<typeof createResponseTimeAccumulator>[0]);
          // Tickets go to addAll in batches, with their places, so that a ticket the calculator refuses is still named.
          // The batch's tickets are made once and filled again for each batch: a ticket the accumulator has read is
          // not kept by it, and objects that outlive a batch would otherwise fill the young generation of the heap.
          const answered: TicketSlot[] = [];
          const open: Array<{ createdAt: number }> = [];
          const batch: object[] = [];
          const places: Array<number | Row> = [];
          let size = 0;
          const flush = () => {
            if (size === 0) return;
            const tickets = size === BATCH ? batch : batch.slice(0, size);
            size = 0;
            try {
              accumulator.addAll(tickets);
            } catch {
              // addAll checks every ticket before it adds any: add them one by one to find the one refused.
              for (let i = 0; i < tickets.length; i++) {
                try {
                  accumulator.add(tickets[i]!);
                } catch (error) {
                  const place = places[i]!;
                  late(typeof place === "number" ? { line: place, cells: undefined } : place, error);
                }
              }
            }
          };
          return {
            add(ticket, row) {
              const k = size++;
              if (Number.isNaN(ticket.at)) {
                const slot = (open[k] ??= { createdAt: 0 });
                slot.createdAt = ticket.createdAt;
                batch[k] = slot;
              } else batch[k] = answered[k] = metric.ticket(answered[k], ticket.createdAt, ticket.at);
              places[k] = row.index === undefined ? row.line : { line: row.line, index: row.index, cells: undefined };
              if (size === BATCH) flush();
            },
            flush,
            result: () => accumulator.result() as unknown as Result,
          };
        },
        view,
      });
    },
  };
}

export const firstResponseTimeCommand = durationCommand(
  {
    name: "first-response-time",
    measure: "firstResponseTime",
    endOption: "responded-column",
    endWord: "first answered",
    endExample: "first_reply_at",
    doneField: "answered",
    pendingField: "unanswered",
    ticket(slot, createdAt, firstResponseAt) {
      if (slot === undefined) return { createdAt, firstResponseAt };
      slot.createdAt = createdAt;
      slot.firstResponseAt = firstResponseAt;
      return slot;
    },
  },
  "first-response time of tickets: mean, median, p90",
  "Time from a ticket's creation to its first answer, over answered tickets (an empty cell is unanswered: counted, left out of the statistics). With --business-hours only business time counts.",
  [
    "first-response-time tickets.csv --created-column created_at --responded-column first_reply_at",
    "first-response-time tickets.csv --created-column created_at --responded-column first_reply_at --unit hours --business-hours hours.json --by team",
  ],
);

export const resolutionTimeCommand = durationCommand(
  {
    name: "resolution-time",
    measure: "resolutionTime",
    endOption: "resolved-column",
    endWord: "resolved",
    endExample: "resolved_at",
    doneField: "resolved",
    pendingField: "unresolved",
    ticket(slot, createdAt, resolvedAt) {
      if (slot === undefined) return { createdAt, resolvedAt };
      slot.createdAt = createdAt;
      slot.resolvedAt = resolvedAt;
      return slot;
    },
  },
  "resolution time of tickets: mean, median, p90",
  "Time from a ticket's creation to its resolution, over resolved tickets (an empty cell is unresolved: counted, left out of the statistics). With --business-hours only business time counts.",
  [
    "resolution-time tickets.csv --created-column created_at --resolved-column resolved_at --unit hours",
    "resolution-time tickets.ndjson --created-column created_at --resolved-column resolved_at --period week --date-column created_at",
  ],
);
