/**
 * `npm run advisories`: fails when package-lock.json holds a version listed in
 * known-vulnerable.json. `npm audit` needs the registry, which CI and this machine cannot
 * reach; this check needs nothing but the two files (see docs/reliability.md).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Advisory {
  package: string;
  affected: string[];
  id: string;
  summary: string;
}

/** `1.2.3` → [1, 2, 3]; a pre-release counts as its release. */
function parse(version: string): number[] {
  return version
    .replace(/^v/, '')
    .split(/[-+]/)[0]
    .split('.')
    .map((part) => Number(part) || 0);
}

function compare(a: string, b: string): number {
  const [x, y] = [parse(a), parse(b)];
  for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

/** Whether `version` is in `range`: `<x.y.z` or `>=a.b.c <x.y.z`. */
export function inRange(version: string, range: string): boolean {
  return range.split(/\s+/).every((condition) => {
    const [, op, bound] = /^(>=|<=|<|>|=)?(.+)$/.exec(condition)!;
    const c = compare(version, bound);
    if (op === '<') return c < 0;
    if (op === '<=') return c <= 0;
    if (op === '>') return c > 0;
    if (op === '>=') return c >= 0;
    return c === 0;
  });
}

/** Every (lockfile path, version, advisory) that matches. */
export function findVulnerable(
  lock: { packages?: Record<string, { version?: string }> },
  advisories: Advisory[],
): { path: string; version: string; advisory: Advisory }[] {
  const found = [];
  for (const [path, entry] of Object.entries(lock.packages ?? {})) {
    const name = path.split('node_modules/').pop();
    if (!name || !entry.version) continue;
    for (const advisory of advisories) {
      if (advisory.package !== name) continue;
      if (advisory.affected.some((range) => inRange(entry.version!, range))) {
        found.push({ path, version: entry.version, advisory });
      }
    }
  }
  return found;
}

if (require.main === module) {
  const root = join(__dirname, '..', '..');
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as Parameters<
    typeof findVulnerable
  >[0];
  const { advisories } = JSON.parse(
    readFileSync(join(__dirname, 'known-vulnerable.json'), 'utf8'),
  ) as { advisories: Advisory[] };
  const found = findVulnerable(lock, advisories);
  for (const { path, version, advisory } of found) {
    process.stdout.write(`${path}@${version}: ${advisory.id} ${advisory.summary}\n`);
  }
  const count = Object.keys(lock.packages ?? {}).length;
  process.stdout.write(
    `${found.length} vulnerable of ${count} locked packages, against ${advisories.length} advisories\n`,
  );
  process.exit(found.length ? 1 : 0);
}
