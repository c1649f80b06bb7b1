import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';

/**
 * Every locked package's `engines.node` admits every Node our own `engines` field admits,
 * so `npm ci` prints no EBADENGINE warning on any of them (docs/operations.md, "Node
 * versions"). package-lock.json records each package's `engines`, so no install is read.
 */
const root = join(__dirname, '..');

interface LockEntry {
  version?: string;
  engines?: { node?: string } | string[];
}

/** The lowest version of each alternative of a range: `^20.19 || >=22.13` → 20.19.0, 22.13.0. */
export function lowestVersions(range: string): string[] {
  return new semver.Range(range).set.map((comparators) => {
    const lowest = semver.minVersion(comparators.map((c) => c.value).join(' '));
    if (!lowest) throw new Error(`${range} admits no version`);
    return lowest.version;
  });
}

/** `path@version requires <range>, not <node>` for each locked package that refuses a Node. */
export function engineOffenders(
  lock: { packages?: Record<string, LockEntry> },
  nodes: string[],
): string[] {
  const offenders: string[] = [];
  for (const [path, entry] of Object.entries(lock.packages ?? {})) {
    // Old packages sometimes wrote `engines` as an array, which npm ignores.
    const range = path && !Array.isArray(entry.engines) ? entry.engines?.node : undefined;
    if (!range) continue;
    const refused = nodes.filter((node) => !semver.satisfies(node, range));
    if (refused.length) {
      offenders.push(`${path}@${entry.version} requires ${range}, not ${refused.join(', ')}`);
    }
  }
  return offenders;
}

describe('Node versions', () => {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    engines: { node: string };
  };
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>;
  };
  const ours = pkg.engines.node;

  it('admits the Node this runs on and the Node of the image', () => {
    expect(semver.satisfies(process.version, ours)).toBe(true);
    const image = /^FROM node:(\d+)-/m.exec(readFileSync(join(root, 'Dockerfile'), 'utf8'))?.[1];
    expect(image).toBe('22');
    expect(semver.intersects(`^${image}`, ours)).toBe(true);
  });

  it("has every locked package's engines admit the lowest Node of each line we admit", () => {
    const nodes = lowestVersions(ours);
    expect(nodes.length).toBeGreaterThan(0);
    expect(engineOffenders(lock, nodes)).toEqual([]);
  });

  it('names an offender with what it requires', () => {
    expect(lowestVersions('^20.19 || ^22.13 || >=24.11')).toEqual([
      '20.19.0',
      '22.13.0',
      '24.11.0',
    ]);
    const fake = {
      packages: {
        '': { engines: { node: '>=1' } },
        'node_modules/a': { version: '1.0.0', engines: { node: '>=20' } },
        'node_modules/b/node_modules/c': { version: '2.0.0', engines: { node: '>=22.12.0' } },
      },
    };
    expect(engineOffenders(fake, ['20.19.0', '22.13.0'])).toEqual([
      'node_modules/b/node_modules/c@2.0.0 requires >=22.12.0, not 20.19.0',
    ]);
  });
});
