// `cx-metrics schema <metric>`: the JSON Schema of what a calculator accepts, for tools that embed the package (OpenAPI
// documents, tool definitions, form builders). The schemas, and zod with them, load only when this command runs.
import type { Io } from "./run.js";

/** The calculators' names, each with the schemas of its input and options (absent when it takes none). */
const CALLS = {
  nps: ["NpsInputSchema", "NpsOptionsSchema"],
  csat: ["CsatInputSchema", "CsatOptionsSchema"],
  ces: ["CesInputSchema", "CesOptionsSchema"],
  npsSampleSize: ["NpsSampleSizeInputSchema", undefined],
  proportionSampleSize: ["ProportionSampleSizeInputSchema", undefined],
  firstResponseTime: ["records:TicketSchema|FirstResponseTotalsSchema", "ResponseTimeOptionsSchema"],
  resolutionTime: ["records:ResolutionTicketSchema", "ResponseTimeOptionsSchema"],
  firstContactResolutionRate: ["records:FirstContactTicketSchema|FirstContactCountsSchema", "RateOptionsSchema"],
  reopenRate: ["records:ReopenTicketSchema|ReopenCountsSchema", "RateOptionsSchema"],
  businessDuration: [undefined, "BusinessCalendarSchema"],
  clv: ["ClvInputSchema", "ClvOptionsSchema"],
  clvFromChurn: ["ClvFromChurnInputSchema", "ClvOptionsSchema"],
  churnRate: ["ChurnInputSchema", "BusinessRateOptionsSchema"],
  retentionRate: ["RetentionInputSchema", "BusinessRateOptionsSchema"],
  revenueChurn: ["RevenueChurnInputSchema", "BusinessRateOptionsSchema"],
  cohortRetention: ["records:SubscriptionSchema", "CohortOptionsSchema"],
  repeatCustomerRate: ["records:TransactionSchema", "BusinessRateOptionsSchema"],
  purchaseFrequency: ["records:TransactionSchema", "BusinessRateOptionsSchema"],
} as const satisfies Record<string, readonly [string | undefined, string | undefined]>;

/** The calculators whose options argument is required. */
const OPTIONS_REQUIRED: ReadonlySet<string> = new Set(["cohortRetention"]);

const USAGE = `usage: cx-metrics schema <metric> [--part call|input|options]
  prints the JSON Schema (draft 2020-12) of what the calculator accepts: by default one object schema
  { input, options } of a whole call; --part input or --part options prints one of the two.
metrics: ${Object.keys(CALLS).join(", ")}
`;

/** True when the command line is a `schema` command. */
export function isSchemaCommand(argv: ReadonlyArray<string>): boolean {
  return argv[0] === "schema";
}

/** Runs `cx-metrics schema ...` (argv without the program); resolves to the exit code. */
export async function runSchema(argv: ReadonlyArray<string>, io: Pick<Io, "stdout" | "stderr">): Promise<number> {
  const args = argv.slice(1);
  if (args.includes("--help") || args.includes("-h")) {
    io.stdout.write(USAGE);
    return 0;
  }
  let part = "call";
  const partAt = args.indexOf("--part");
  if (partAt >= 0) {
    part = args[partAt + 1] ?? "";
    args.splice(partAt, 2);
  }
  const [metric, extra] = args;
  const call = metric !== undefined && Object.hasOwn(CALLS, metric) ? CALLS[metric as keyof typeof CALLS] : undefined;
  if (call === undefined || extra !== undefined || !["call", "input", "options"].includes(part)) {
    const problem =
      metric === undefined
        ? "missing the metric"
        : call === undefined
          ? `unknown metric "${metric}"`
          : extra !== undefined
            ? `unexpected argument "${extra}"`
            : `--part is "${part}", expected call, input or options`;
    io.stderr.write(`cx-metrics: ${problem}\n${USAGE}`);
    return 2;
  }
  const [z, schemas] = await Promise.all([import("zod"), import("../schemas/index.js")]);
  const named = schemas as unknown as Record<string, import("zod").ZodType>;
  const schemaOf = (spec: string | undefined) => {
    if (spec === undefined) return undefined;
    // `records:A|B` is an array of A records or the counts B, as the support calculators accept (`records:A` an array).
    const [records, counts] = spec.startsWith("records:") ? spec.slice(8).split("|") : [undefined, spec];
    const array = records === undefined ? undefined : z.array(named[records]!);
    if (array === undefined) return named[counts!]!;
    return counts === undefined ? array : z.union([array, named[counts]!]);
  };
  const [input, options] = [schemaOf(call[0]), schemaOf(call[1])];
  let schema: import("zod").ZodType;
  if (part === "input" || part === "options") {
    const chosen = part === "input" ? input : options;
    if (chosen === undefined) {
      io.stderr.write(`cx-metrics: ${metric} takes no ${part}\n`);
      return 2;
    }
    schema = chosen;
  } else {
    const shape: Record<string, import("zod").ZodType> = {};
    if (input !== undefined) shape.input = input;
    if (options !== undefined) shape.options = input === undefined || OPTIONS_REQUIRED.has(metric!) ? options : options.optional();
    schema = z.strictObject(shape);
  }
  const json = { ...z.toJSONSchema(schema), title: part === "call" ? metric : `${metric} ${part}` };
  io.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  return 0;
}
