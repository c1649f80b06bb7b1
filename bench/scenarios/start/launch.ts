import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../../lib/app-process';
import { msSince } from '../../lib/stats';

const ROOT = join(__dirname, '..', '..', '..');
/** Clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

export interface StartTiming {
  /** From spawning the command until GET /health first answered 200. */
  ms: number;
  /** CPU time (user + system) the command's processes had used by then. */
  cpuMs: number;
  /** Peak resident memory of its largest process by then. */
  peakRssBytes: number;
  health: unknown;
}

/** The processes of a process group (the command and everything it started), from /proc. */
function groupMembers(pgid: number): { pid: number; stat: string[] }[] {
  const members: { pid: number; stat: string[] }[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const raw = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name (field 2) may contain spaces; the fields after it do not.
      const stat = raw.slice(raw.lastIndexOf(')') + 2).split(' ');
      // stat[0] is the state: a zombie has exited already.
      if (Number(stat[2]) === pgid && stat[0] !== 'Z') members.push({ pid: Number(entry), stat });
    } catch {
      // exited meanwhile
    }
  }
  return members;
}

function groupUsage(pgid: number): { cpuMs: number; peakRssBytes: number } {
  let ticks = 0;
  let peak = 0;
  for (const { pid, stat } of groupMembers(pgid)) {
    // Fields 14 and 15 (utime, stime), counted from field 3 here.
    ticks += Number(stat[11]) + Number(stat[12]);
    try {
      const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (hwm) peak = Math.max(peak, Number(hwm[1]) * 1024);
    } catch {
      // exited meanwhile
    }
  }
  return { cpuMs: (ticks * 1000) / TICKS_PER_SECOND, peakRssBytes: peak };
}

/**
 * Runs `command` (e.g. `npm run start:prod`) from the repository root in a process group
 * of its own, with only `env` (plus PATH and HOME) and a free PORT, and times it until
 * GET /health answers 200. Then stops the whole group (npm and the node it started).
 */
export async function timeStart(
  command: string[],
  env: Record<string, string>,
  timeoutMs = 120_000,
): Promise<StartTiming> {
  const port = await freePort();
  const start = process.hrtime.bigint();
  const child = spawn(command[0], command.slice(1), {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/root',
      ...env,
      PORT: String(port),
    },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  child.stderr.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const pgid = child.pid!;
  try {
    const url = `http://127.0.0.1:${port}/health`;
    for (;;) {
      if (child.exitCode !== null) {
        throw new Error(`${command.join(' ')} exited with ${child.exitCode}: ${output}`);
      }
      try {
        const response = await fetch(url);
        if (response.status === 200) {
          const ms = msSince(start);
          const usage = groupUsage(pgid);
          return { ms, ...usage, health: await response.json() };
        }
      } catch {
        // not listening yet
      }
      if (msSince(start) > timeoutMs) {
        throw new Error(`${command.join(' ')}: /health not 200 after ${timeoutMs} ms: ${output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    await stopGroup(pgid, exited);
  }
}

async function stopGroup(pgid: number, leaderExited: Promise<void>): Promise<void> {
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-pgid, name);
    } catch {
      // the group is gone
    }
  };
  signal('SIGTERM');
  const deadline = Date.now() + 15_000;
  while (groupMembers(pgid).length && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (groupMembers(pgid).length) signal('SIGKILL');
  await leaderExited;
}
