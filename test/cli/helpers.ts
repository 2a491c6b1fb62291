import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const CLI = join(ROOT, "dist", "cli.js");
export const FIXTURES = join(ROOT, "test", "fixtures", "cli");

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Builds dist/ when the CLI is missing or older than the sources. Test files run in parallel, so a lock directory
 * keeps two builds from cleaning dist/ under each other.
 */
export function ensureBuilt(): void {
  const lock = join(ROOT, "node_modules", ".cache", "cx-metrics-cli-build.lock");
  mkdirSync(join(lock, ".."), { recursive: true });
  for (let waited = 0; ; waited += 100) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (waited > 120_000) throw new Error(`build lock ${lock} held for two minutes`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    }
  }
  try {
    const stale = !existsSync(CLI) || statSync(CLI).mtimeMs < Math.max(newestSource(join(ROOT, "src")), statSync(join(ROOT, "package.json")).mtimeMs);
    if (stale) execFileSync(process.execPath, [join(ROOT, "node_modules", "tsup", "dist", "cli-default.js"), "--silent"], { cwd: ROOT, stdio: "inherit" });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export interface Outcome {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI in the fixtures folder (paths in args are relative to it). */
export function cli(args: ReadonlyArray<string>, options: { input?: string; nodeOptions?: ReadonlyArray<string> } = {}): Outcome {
  const result = spawnSync(process.execPath, [...(options.nodeOptions ?? []), CLI, ...args], {
    cwd: FIXTURES,
    input: options.input ?? "",
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs the built CLI asynchronously (for long runs, so the test worker stays responsive). */
export function cliAsync(args: ReadonlyArray<string>, nodeOptions: ReadonlyArray<string> = []): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeOptions, CLI, ...args], { cwd: FIXTURES });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

/** Parses stdout as the one JSON document of `--format json`. */
export function json(outcome: Outcome): unknown {
  return JSON.parse(outcome.stdout);
}

/** Runs the command line in this process (fast, for many cases): exit code, stdout and stderr. */
export async function runInProcess(args: ReadonlyArray<string>, input: string | Uint8Array = ""): Promise<Outcome> {
  const { run } = await import("../../src/cli/run.js");
  const { Readable } = await import("node:stream");
  let stdout = "";
  let stderr = "";
  const status = await run(args, {
    stdin: Readable.from([typeof input === "string" ? Buffer.from(input) : Buffer.from(input)]),
    stdout: {
      write(text: string, done?: (error?: Error | null) => void) {
        stdout += text;
        done?.();
        return true;
      },
    },
    stderr: {
      write(text: string) {
        stderr += text;
        return true;
      },
    },
    version: "test",
  });
  return { status, stdout, stderr };
}
