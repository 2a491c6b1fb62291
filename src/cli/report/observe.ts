// Watches a metric's run for the report and --chart: the plan's values pass through on their way to the sinks (the
// 0-10 answers are counted, the durations kept), and the outcome (results and what happened to the rows) is kept.
import type { Entry, Grouping, Tally } from "../aggregate.js";
import type { Plan } from "../metrics/types.js";

/** What a run hands to its observer once every row is read. */
export interface Outcome {
  readonly metric: string;
  readonly source: string;
  readonly grouping: Grouping;
  readonly entries: Entry[];
  readonly tally: Tally;
}

/** Sees a run's plan before the rows are read, and its outcome after. */
export interface Observer {
  plan(p: Plan<unknown>): Plan<unknown>;
  outcome(o: Outcome): void;
}

/** An outcome with the values the charts need beyond the results. */
export interface Observed extends Outcome {
  /** How many answers had each score, 0 to 10 (survey metrics; weights are not applied). */
  readonly scores: number[];
  /** Elapsed milliseconds from creation to the end event, for each ticket that has one (duration metrics). */
  readonly durations: number[];
}

/** An observer and what it saw (undefined until the run reaches its outcome). */
export function watch(): { observer: Observer; seen(): Observed | undefined } {
  const scores = new Array<number>(11).fill(0);
  const durations: number[] = [];
  let seen: Observed | undefined;
  const record = (value: unknown) => {
    const v = value as { score?: unknown; createdAt?: unknown; at?: unknown };
    if (typeof v.score === "number" && Number.isInteger(v.score) && v.score >= 0 && v.score <= 10) scores[v.score]!++;
    // An unanswered ticket has `at` NaN: it has no duration to draw.
    else if (typeof v.createdAt === "number" && typeof v.at === "number" && !Number.isNaN(v.at)) durations.push(v.at - v.createdAt);
  };
  return {
    observer: {
      plan: (p) => ({
        ...p,
        create(late) {
          const sink = p.create(late);
          return {
            add(value, row) {
              sink.add(value, row);
              record(value);
            },
            ...(sink.flush === undefined ? {} : { flush: () => sink.flush!() }),
            result: () => sink.result(),
          };
        },
      }),
      outcome(o) {
        seen = { ...o, scores, durations };
      },
    },
    seen: () => seen,
  };
}
