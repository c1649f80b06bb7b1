import { cpus, totalmem } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One measured line of a scenario's table. */
export interface Row {
  measure: string;
  value: string;
  /** The target it is held against, if any, e.g. "≤ 0.5 s". */
  target?: string;
  /** Whether the target is met; undefined when there is no target. */
  met?: boolean;
}

export interface ScenarioReport {
  scenario: string;
  rows: Row[];
  /** Correctness checks: a fast wrong answer fails the run. */
  checks: { what: string; ok: boolean; detail?: string }[];
  /** Raw numbers for the JSON file. */
  data: Record<string, unknown>;
}

export function machine() {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

export function printTable(report: ScenarioReport): void {
  const header = ['measure', 'value', 'target', ''];
  const lines = report.rows.map((r) => [
    r.measure,
    r.value,
    r.target ?? '',
    r.met === undefined ? '' : r.met ? 'met' : 'MISSED',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  process.stdout.write(`\n== ${report.scenario}\n${format(header)}\n`);
  process.stdout.write(`${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  for (const line of lines) process.stdout.write(`${format(line)}\n`);
  for (const check of report.checks) {
    process.stdout.write(
      `check: ${check.ok ? 'ok  ' : 'FAIL'} ${check.what}${check.detail ? ` (${check.detail})` : ''}\n`,
    );
  }
}

/** bench/results/<scenario>.json, with the machine it ran on. */
export function writeResult(report: ScenarioReport): string {
  const dir = join(__dirname, '..', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${report.scenario}.json`);
  writeFileSync(
    file,
    `${JSON.stringify({ ...report, machine: machine(), at: new Date().toISOString() }, null, 2)}\n`,
  );
  return file;
}
