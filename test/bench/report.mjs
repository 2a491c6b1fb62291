// Prints a benchmark's results with the ratio of each library call to its hand-written baseline.
export function printRatios(bench, pairs) {
  const byName = new Map(bench.tasks.map((t) => [t.name, t]));
  const ms = (name) => {
    const task = byName.get(name);
    return task.result.latency?.mean ?? task.result.mean;
  };
  console.log(`node ${process.version}, ${process.platform} ${process.arch}`);
  console.log("| work | library (ms) | baseline (ms) | ratio | goal |");
  console.log("| --- | ---: | ---: | ---: | ---: |");
  for (const [lib, base, goal] of pairs) {
    const a = ms(lib);
    const b = ms(base);
    const ratio = a / b;
    console.log(`| ${lib} | ${a.toFixed(2)} | ${b.toFixed(2)} | ${ratio.toFixed(2)}x | <= ${goal}x ${ratio <= goal ? "ok" : "MISSED"} |`);
  }
}

/** Prints rows measured elsewhere (one process per pair): { name, library, baseline, goal } with times in ms. */
export function printRows(rows) {
  console.log(`node ${process.version}, ${process.platform} ${process.arch}, each pair in a fresh process`);
  console.log("| work | library (ms) | baseline (ms) | ratio | goal |");
  console.log("| --- | ---: | ---: | ---: | ---: |");
  for (const { name, library, baseline, goal } of rows) {
    const ratio = library / baseline;
    console.log(`| ${name} | ${library.toFixed(2)} | ${baseline.toFixed(2)} | ${ratio.toFixed(2)}x | <= ${goal}x ${ratio <= goal ? "ok" : "MISSED"} |`);
  }
}
