// The cx-metrics command line: `cx-metrics <metric> <file | -> [options]`. See `cx-metrics --help`.
import { version } from "../../package.json";
import { run } from "./run.js";

process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  // A closed pipe (`cx-metrics ... | head`) is the reader's choice, not a failure.
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

run(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, version }).then((code) => {
  process.exitCode = code;
});
