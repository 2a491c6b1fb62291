// The cx-metrics command line: `cx-metrics <metric> <file | -> [options]`. See `cx-metrics --help`.
import { version } from "../../package.json";
import { run } from "./run.js";

// A failed write to stdout (a full disk, a closed pipe) reaches the writer's callback, which ends the run with exit
// code 2 and one line on stderr; the stream's error event must not also end the process with a stack trace.
process.stdout.on("error", () => {});
process.stderr.on("error", () => {});

run(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, version }).then((code) => {
  process.exitCode = code;
});
