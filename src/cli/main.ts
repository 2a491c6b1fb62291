// The cx-metrics command line: `cx-metrics <metric> <file | -> [options]`. See `cx-metrics --help`.
import { version } from "../../package.json";
import { run } from "./run.js";
import { isSchemaCommand, runSchema } from "./schema.js";

// A failed write to stdout (a full disk, a closed pipe) reaches the writer's callback, which ends the run with exit
// code 2 and one line on stderr; the stream's error event must not also end the process with a stack trace.
process.stdout.on("error", () => {});
process.stderr.on("error", () => {});

const argv = process.argv.slice(2);
const io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, version };
(isSchemaCommand(argv) ? runSchema(argv, io) : run(argv, io)).then((code) => {
  process.exitCode = code;
});
