import { readFileSync } from 'node:fs';

/** Peak resident set size of a process so far (Linux VmHWM), in bytes. */
export function peakRss(pid: number = process.pid): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmHWM:\s+(\d+) kB$/m.exec(status);
  if (!match) throw new Error(`no VmHWM for process ${pid}`);
  return Number(match[1]) * 1024;
}
