// `npm run bench` runs every scenario; `npm run bench -- <scenario> [...]` runs some.
// Each prints its table and writes bench/results/<scenario>.json; docs/performance.md is
// then rewritten from all the results. A failed correctness check exits 1.
import { writePerformanceDoc } from './lib/performance-doc';
import { printTable, writeResult } from './lib/report';
import type { Scenario } from './lib/scenario';
import { scenarios } from './scenarios';

async function main(): Promise<number> {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !scenarios.some((s) => s.name === name));
  if (unknown.length) {
    process.stderr.write(
      `unknown scenario(s): ${unknown.join(', ')}; choose from ${scenarios.map((s) => s.name).join(', ')}\n`,
    );
    return 2;
  }
  const chosen: Scenario[] = wanted.length
    ? scenarios.filter((s) => wanted.includes(s.name))
    : scenarios;
  let failed = false;
  for (const scenario of chosen) {
    process.stdout.write(`\n>> ${scenario.name}: ${scenario.description}\n`);
    const report = await scenario.run();
    printTable(report);
    process.stdout.write(`-> ${writeResult(report)}\n`);
    failed ||= report.checks.some((c) => !c.ok);
  }
  process.stdout.write(`-> ${await writePerformanceDoc()}\n`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench: ${String((error as Error)?.stack ?? error)}\n`);
    process.exit(1);
  },
);
