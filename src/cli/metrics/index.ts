import { churnCommand, clvCommand, cohortsCommand } from "./business.js";
import { firstResponseTimeCommand, resolutionTimeCommand } from "./support.js";
import { cesCommand, csatCommand, npsCommand } from "./survey.js";
import type { MetricCommand } from "./types.js";

/** Every metric of the command line, in the order help lists them. */
export const METRICS: ReadonlyArray<MetricCommand> = [
  npsCommand,
  csatCommand,
  cesCommand,
  firstResponseTimeCommand,
  resolutionTimeCommand,
  churnCommand,
  cohortsCommand,
  clvCommand,
];

export function findMetric(name: string): MetricCommand | undefined {
  return METRICS.find((m) => m.name === name);
}
