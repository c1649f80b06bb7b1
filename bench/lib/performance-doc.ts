import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'prettier';
import type { machine, ScenarioReport } from './report';

const ORDER = ['pdf', 'signon', 'invite', 'track', 'start', 'web'];
const ROOT = join(__dirname, '..', '..');

type Result = ScenarioReport & { machine: ReturnType<typeof machine>; at: string };

/**
 * docs/performance.md, rewritten from bench/results/*.json: the latest table of each,
 * formatted as `prettier --check` (part of lint) expects.
 */
export async function writePerformanceDoc(): Promise<string> {
  const results = ORDER.map((name) => join(ROOT, 'bench', 'results', `${name}.json`))
    .filter((file) => existsSync(file))
    .map((file) => JSON.parse(readFileSync(file, 'utf8')) as Result);
  const sections = results.map((r) => {
    const m = r.machine;
    const rows = r.rows.map(
      (row) =>
        `| ${row.measure} | ${row.value} | ${row.target ?? ''} | ${row.met === undefined ? '' : row.met ? 'met' : '**missed**'} |`,
    );
    const checks = r.checks.map(
      (c) => `- ${c.ok ? 'ok' : '**FAILED**'}: ${c.what}${c.detail ? ` (${c.detail})` : ''}`,
    );
    return [
      `## ${r.scenario}`,
      '',
      `Run ${r.at} on ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, Node ${m.node}.`,
      '',
      '| measure | value | target | |',
      '| --- | --- | --- | --- |',
      ...rows,
      '',
      'Correctness checks:',
      '',
      ...checks,
    ].join('\n');
  });
  const file = join(ROOT, 'docs', 'performance.md');
  const intro = existsSync(file)
    ? readFileSync(file, 'utf8').split('\n<!-- results -->')[0]
    : '# Performance\n';
  const markdown = `${intro.trimEnd()}\n\n<!-- results -->\n\n${sections.join('\n\n')}\n`;
  writeFileSync(file, await format(markdown, { filepath: file }));
  return file;
}
