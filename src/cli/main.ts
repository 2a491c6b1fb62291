// The cx-metrics command line: `cx-metrics <metric> <file | -> [options]`. See `cx-metrics --help`.
import { version } from "../../package.json";
import { run } from "./run.js";
import { isSchemaCommand, runSchema } from "./schema.js";

process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  // A closed pipe (`cx-metrics ... | head`) is the reader's choice, not a failure.
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

const argv = process.argv.slice(2);
const io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, version };
(isSchemaCommand(argv) ? runSchema(argv, io) : run(argv, io)).then((code) => {
  process.exitCode = code;
});
